// The generic price CSV: `provider,id,unit,price,currency,date,variant`, one
// price per line (docs/pricing.md, "Importing price catalogs"). Lines of one
// provider and id make one entry; lines of one date one value of it.
#include <cctype>
#include <map>

#include "cost/prices.h"
#include "cost/units.h"
#include "imports/imports.h"

namespace costsite::imports {
namespace {

using cost::Located;

struct Field {
  std::string text;
  int line = 0, col = 0;
};

constexpr std::string_view kHeader[] = {"provider", "id", "unit", "price", "currency", "date", "variant"};

class CsvReader {
 public:
  CsvReader(const std::string& path, std::string_view text, Diagnostics& diags)
      : path_(path), t_(text), diags_(diags) {}

  // The next record's fields; false at the end or after an error.
  bool Record(std::vector<Field>* out) {
    out->clear();
    if (i_ >= t_.size()) return false;
    while (true) {
      Field f{"", line_, col_};
      if (i_ < t_.size() && t_[i_] == '"') {
        Advance();
        while (true) {
          if (i_ >= t_.size()) return Fail(f.line, f.col, "unclosed quoted field");
          if (t_[i_] == '"') {
            Advance();
            if (i_ < t_.size() && t_[i_] == '"') {
              f.text.push_back('"');
              Advance();
              continue;
            }
            break;
          }
          f.text.push_back(t_[i_]);
          Advance();
        }
        if (i_ < t_.size() && t_[i_] != ',' && t_[i_] != '\n' && t_[i_] != '\r')
          return Fail(line_, col_, "text after a quoted field's closing quote");
      } else {
        while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != '\n' && t_[i_] != '\r') {
          if (t_[i_] == '"') return Fail(line_, col_, "a quote inside an unquoted field: quote the whole field");
          f.text.push_back(t_[i_]);
          Advance();
        }
      }
      out->push_back(std::move(f));
      if (i_ < t_.size() && t_[i_] == ',') {
        Advance();
        continue;
      }
      if (i_ < t_.size() && t_[i_] == '\r') Advance();
      if (i_ < t_.size() && t_[i_] == '\n') Advance();
      return true;
    }
  }
  void Skip(size_t n) {
    for (size_t k = 0; k < n; ++k) Advance();
  }
  bool Fail(int line, int col, const std::string& message) {
    diags_.Error({path_, line, col}, message, t_, 1, "malformed-csv");
    failed_ = true;
    return false;
  }
  bool failed() const { return failed_; }
  int line() const { return line_; }

 private:
  void Advance() {
    if (t_[i_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++i_;
  }
  const std::string& path_;
  std::string_view t_;
  Diagnostics& diags_;
  size_t i_ = 0;
  int line_ = 1, col_ = 1;
  bool failed_ = false;
};

bool IsVariantName(std::string_view v) {
  if (v.empty() || !std::islower(static_cast<unsigned char>(v[0]))) return false;
  for (char c : v)
    if (!std::islower(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '_')
      return false;
  return true;
}

}  // namespace

std::vector<cost::PriceList> ParseCsvPrices(const std::string& path, std::string_view text,
                                            const std::string& today, Diagnostics& diags) {
  Diagnostics local;
  CsvReader r(path, text, local);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") r.Skip(3);
  std::vector<Field> f;
  bool header_ok = r.Record(&f) && f.size() == std::size(kHeader);
  for (size_t k = 0; header_ok && k < f.size(); ++k) header_ok = f[k].text == kHeader[k];
  if (!header_ok) {
    if (!r.failed()) r.Fail(1, 1, "the first line must be the header provider,id,unit,price,currency,date,variant");
    diags.Merge(local);
    return {};
  }
  std::vector<cost::PriceList> lists;
  std::map<std::string, size_t> list_of;                   // provider -> lists
  std::map<std::pair<std::string, std::string>, size_t> entry_of;  // provider, id -> entry
  // Each entry's values by date, filled first and ordered at the end.
  std::map<std::pair<size_t, size_t>, std::map<std::string, cost::PriceValue>> values;
  while (r.Record(&f)) {
    if (f.size() == 1 && f[0].text.empty()) continue;  // a blank line
    if (f.size() != std::size(kHeader)) {
      r.Fail(f[0].line, f[0].col, "expected 7 fields (provider,id,unit,price,currency,date,variant), found " +
                                      std::to_string(f.size()));
      continue;
    }
    auto bad = [&](const Field& at, const std::string& message) { r.Fail(at.line, at.col, message); };
    const Field &provider = f[0], &id = f[1], &unit = f[2], &price = f[3], &currency = f[4], &date = f[5],
                &variant = f[6];
    std::string number = PlainDecimal(price.text);
    if (provider.text.empty()) bad(provider, "empty provider");
    else if (id.text.empty()) bad(id, "empty id");
    else if (number.empty() || number[0] == '-') bad(price, "malformed price '" + price.text + "': write a non-negative number");
    else if (!cost::IsCurrencyCode(currency.text)) bad(currency, "unknown currency '" + currency.text + "'");
    else if (!date.text.empty() && !cost::IsIsoDate(date.text)) bad(date, "malformed date '" + date.text + "': write YYYY-MM-DD");
    else if (!variant.text.empty() && !IsVariantName(variant.text))
      bad(variant, "malformed variant '" + variant.text + "': use a lowercase word of [a-z0-9_]");
    if (r.failed()) continue;
    std::string pid = IdFor(provider.text);
    auto [lit, new_list] = list_of.emplace(pid, lists.size());
    if (new_list) {
      cost::PriceList list;
      list.provider = pid;
      list.name = LocalizedText{{"en", provider.text}, {"zh", provider.text}};
      list.currency = currency.text;
      list.date = today;
      lists.push_back(std::move(list));
    }
    cost::PriceList& list = lists[lit->second];
    std::string full_unit = currency.text + (unit.text.empty() ? "" : "/" + unit.text);
    auto [eit, new_entry] = entry_of.emplace(std::make_pair(pid, id.text), list.entries.size());
    if (new_entry) {
      cost::PriceEntry e;
      e.id = IdFor(id.text);
      e.original = Located{id.text, {}, {}};
      e.unit = Located{full_unit, {}, {}};
      list.entries.push_back(std::move(e));
    } else if (list.entries[eit->second].unit.text != full_unit) {
      bad(unit, "'" + id.text + "' is priced in " + list.entries[eit->second].unit.text + " on an earlier line, here in " +
                    full_unit);
      continue;
    }
    cost::PriceValue& v = values[{lit->second, eit->second}][date.text];
    v.date = date.text;
    if (variant.text.empty() || variant.text == "on_demand") {
      if (!v.price.empty()) bad(price, "a second on-demand price of '" + id.text + "' for the same date");
      v.price = Located{number, {}, {}};
    } else {
      for (const auto& [name, value] : v.variants)
        if (name == variant.text) bad(variant, "a second '" + variant.text + "' price of '" + id.text + "' for the same date");
      v.variants.emplace_back(variant.text, Located{number, {}, {}});
    }
  }
  diags.Merge(local);
  if (local.HasErrors()) return {};
  for (auto& [key, by_date] : values) {
    cost::PriceEntry& e = lists[key.first].entries[key.second];
    std::vector<cost::PriceValue> dated;  // oldest first ("" = always sorts first)
    for (auto& [date, v] : by_date) dated.push_back(std::move(v));
    e.current = std::move(dated.back());
    dated.pop_back();
    for (auto it = dated.rbegin(); it != dated.rend(); ++it) {
      if (it->date.empty()) it->checked = today;
      e.history.push_back(std::move(*it));
    }
  }
  // Two names that make the same id: the later ones are numbered.
  for (cost::PriceList& list : lists) {
    std::map<std::string, int> seen;
    for (cost::PriceEntry& e : list.entries) {
      int n = seen[e.id]++;
      if (n) e.id += "-" + std::to_string(n + 1);
    }
  }
  return lists;
}

}  // namespace costsite::imports
