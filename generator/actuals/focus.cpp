// FOCUS 1.0 lines into exact group totals. The header names the columns; a
// line is read only for the columns the query uses (the measure, the billing
// currency, the charge period, the group columns, Tags), and each of those is
// checked, so a malformed line is reported, never skipped or half-counted.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "actuals/actuals.h"
#include "actuals/csv_reader.h"
#include "actuals/exact_sum.h"
#include "base/calendar.h"
#include "base/fs_util.h"
#include "cost/units.h"

namespace costsite::actuals {

namespace {

constexpr std::string_view kMeasureNames[] = {"BilledCost", "EffectiveCost", "ListCost", "ContractedCost"};
constexpr std::string_view kCurrency = "BillingCurrency";
constexpr std::string_view kStart = "ChargePeriodStart";
constexpr std::string_view kEnd = "ChargePeriodEnd";
constexpr std::string_view kTags = "Tags";
constexpr std::string_view kTagPrefix = "tag:";
constexpr int kMaxErrorsPerFile = 100;  // then the file is reported as a whole

bool Digits(std::string_view s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The inverse of DaysFromCivil, as "YYYY-MM-DD".
std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int64_t y = yoe + era * 400 + (m <= 2);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), m, d);
  return buf;
}

int Two(std::string_view s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

// The zone of a time, as minutes east of UTC: "", "Z", " UTC" (BigQuery's
// CSV export) and "+00:00" are 0; "+08:00", "-0500" and "+05" their offset.
// nullopt for anything else.
std::optional<int> ZoneMinutes(std::string_view zone) {
  if (zone.empty() || zone == "Z" || zone == "z" || zone == " UTC" || zone == "UTC") return 0;
  if (zone[0] != '+' && zone[0] != '-') return std::nullopt;
  const int sign = zone[0] == '-' ? -1 : 1;
  zone.remove_prefix(1);
  int hours = 0, minutes = 0;
  if (zone.size() == 2 && Digits(zone, 0, 2)) {
    hours = Two(zone, 0);
  } else if (zone.size() == 4 && Digits(zone, 0, 4)) {
    hours = Two(zone, 0), minutes = Two(zone, 2);
  } else if (zone.size() == 5 && Digits(zone, 0, 2) && zone[2] == ':' && Digits(zone, 3, 2)) {
    hours = Two(zone, 0), minutes = Two(zone, 3);
  } else {
    return std::nullopt;
  }
  if (hours > 14 || minutes > 59) return std::nullopt;
  return sign * (hours * 60 + minutes);
}

// An ISO 8601 time as exports write it -> the same instant in UTC,
// "2024-09-01T00:00:00"; "" when malformed. Accepted: a date alone
// (midnight), 'T' (or 't', as RFC 3339 allows) or a space before the time, seconds optional, fractional
// seconds (dropped), and a zone of Z, UTC or an offset (the time is moved to
// UTC, so "2024-09-30T23:30:00-05:00" is 2024-10-01T04:30:00). A time
// without a zone is read as UTC, which FOCUS requires.
std::string NormalizeTime(std::string_view s) {
  if (!Digits(s, 0, 4) || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' || !Digits(s, 8, 2)) return "";
  const int year = Two(s, 0) * 100 + Two(s, 2), month = Two(s, 5), day = Two(s, 8);
  if (!IsCalendarDay(year, month, day)) return "";
  size_t i = 10;
  if (i == s.size()) return std::string(s.substr(0, 10)) + "T00:00:00";
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return "";
  if (!Digits(s, i + 1, 2) || s.size() < i + 6 || s[i + 3] != ':' || !Digits(s, i + 4, 2)) return "";
  int hour = Two(s, i + 1), minute = Two(s, i + 4), second = 0;
  if (hour > 24 || minute > 59) return "";
  i += 6;
  if (i < s.size() && s[i] == ':') {
    if (!Digits(s, i + 1, 2)) return "";
    second = Two(s, i + 1);
    if (second > 60) return "";  // 60: a leap second
    i += 3;
    if (i < s.size() && s[i] == '.') {
      ++i;
      size_t digits = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == digits) return "";
    }
  }
  std::optional<int> zone = ZoneMinutes(s.substr(i));
  if (!zone || (hour == 24 && (minute != 0 || second != 0))) return "";  // 24:00:00 is the next midnight
  if (*zone == 0 && hour < 24) {  // UTC already, as nearly every line is: no calendar arithmetic
    std::string out(s.substr(0, 10));
    const char clock[] = {'T', s[11], s[12], ':', s[14], s[15], ':', static_cast<char>('0' + second / 10),
                          static_cast<char>('0' + second % 10)};
    return out.append(clock, sizeof clock);
  }
  int64_t minutes = DaysFromCivil(year, month, day) * 1440 + hour * 60 + minute - *zone;
  int64_t days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
  int64_t in_day = minutes - days * 1440;
  char clock[16];
  std::snprintf(clock, sizeof clock, "T%02d:%02d:%02d", static_cast<int>(in_day / 60), static_cast<int>(in_day % 60),
                second);
  return CivilFromDays(days) + clock;
}

// Columns renamed between FOCUS versions (CHANGELOG of the specification:
// 1.0-preview and 1.0 renamed the first five; 1.3 names the provider
// ServiceProviderName), and the names of the draft OCI's FOCUS reports still
// use: other name, FOCUS 1.0 name.
constexpr std::pair<std::string_view, std::string_view> kRenamed[] = {
    {"AmortizedCost", "EffectiveCost"},  {"ChargeType", "ChargeCategory"},   {"Region", "RegionId"},
    {"UsageQuantity", "ConsumedQuantity"}, {"UsageUnit", "ConsumedUnit"},    {"Provider", "ProviderName"},
    {"Publisher", "PublisherName"},      {"InvoiceIssuer", "InvoiceIssuerName"},
    {"ServiceProviderName", "ProviderName"},
};

// FOCUS's columns (1.0 to 1.2), to read a header as a SQL engine writes it:
// Athena and BigQuery lower-case names ("billedcost"), Oracle's warehouse
// upper-cases them ("BILLEDCOST").
constexpr std::string_view kFocusColumns[] = {
    "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingAccountType",
    "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "CapacityReservationId",
    "CapacityReservationStatus", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency",
    "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory", "CommitmentDiscountId",
    "CommitmentDiscountName", "CommitmentDiscountQuantity", "CommitmentDiscountStatus", "CommitmentDiscountType",
    "CommitmentDiscountUnit", "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "ContractedUnitPrice",
    "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory",
    "PricingCurrency", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "RegionId", "RegionName",
    "ResourceId", "ResourceName", "ResourceType", "ServiceCategory", "ServiceName", "ServiceSubcategory", "SkuId",
    "SkuMeter", "SkuPriceDetails", "SkuPriceId", "SubAccountId", "SubAccountName", "SubAccountType", "Tags",
};

// [{"key": "team", "value": "ml", "x_type": "label"}, …] as {"team": "ml"};
// discarded when an element is not such a record.
nlohmann::json KeyValueTags(const nlohmann::json& list) {
  nlohmann::json out = nlohmann::json::object();
  for (const nlohmann::json& e : list) {
    if (!e.is_object() || !e.contains("key") || !e["key"].is_string() || !e.contains("value"))
      return nlohmann::json(nlohmann::json::value_t::discarded);
    out[e["key"].get<std::string>()] = e["value"];
  }
  return out;
}

bool SameLetters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// What a header that is not FOCUS's is, by a column only that export has
// ("" when none is known).
std::string_view ExportKind(const std::vector<CsvField>& header) {
  constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
      {"lineItem/UnblendedCost", "an AWS Cost and Usage Report"},
      {"line_item_unblended_cost", "an AWS Cost and Usage Report (CUR 2.0)"},
      {"CostInBillingCurrency", "an Azure cost details export"},
      {"PreTaxCost", "an Azure usage details export"},
      {"costInBillingCurrency", "an Azure cost details export"},
      {"usage_start_time", "a Google Cloud billing export"},
      {"cost_at_list", "a Google Cloud billing export"},
  };
  for (const auto& [column, kind] : kKinds)
    for (const CsvField& f : header)
      if (SameLetters(f.value, column)) return kind;
  return {};
}

// An empty cell, or the unquoted NULL that SQL engines' exports and
// FOCUS's own sample data write for a missing value ("NULL" in quotes is
// text).
bool IsNull(const CsvField& f) {
  return f.value.empty() || (f.width == 4 && f.value == "NULL");
}

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

std::optional<Measure> MeasureNamed(std::string_view name) {
  for (size_t i = 0; i < std::size(kMeasureNames); ++i)
    if (kMeasureNames[i] == name) return static_cast<Measure>(i);
  return std::nullopt;
}

std::string_view MeasureName(Measure m) { return kMeasureNames[static_cast<size_t>(m)]; }

std::string_view CurrentColumnName(std::string_view name) {
  for (const auto& [old_name, current] : kRenamed)
    if (old_name == name) return current;
  for (std::string_view focus : kFocusColumns)
    if (focus != name && SameLetters(focus, name)) return focus;
  for (const auto& [old_name, current] : kRenamed)
    if (SameLetters(old_name, name)) return current;
  return {};
}

std::vector<std::string> MeasureNames() { return {std::begin(kMeasureNames), std::end(kMeasureNames)}; }

struct Accumulator::State {
  struct Partial {
    std::string currency;
    int conversion = -1;  // index into conversions; -1 = kept in its own currency
    ExactSum sum;
    int64_t lines = 0, empty = 0;
    std::vector<uint32_t> files;  // the files its lines are in, ascending
  };
  struct Group {
    std::vector<std::string> key;
    std::vector<Partial> parts;
  };
  struct Conversion {
    cost::Decimal rate;
    bool divide = false;  // the rate is quoted the other way: dividing by it is exact, multiplying by 1/rate is not
  };

  Query query;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> index;
  std::vector<Group> groups;
  std::vector<Conversion> conversions;
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> conversion_of;  // "EUR2024-09-01" -> index, -2 none
  std::vector<std::string> files;
  int64_t lines_read = 0, lines_selected = 0;

  // The conversion of `currency` on `date` into the query's currency: -1 for
  // none needed, -2 when there is no rate.
  int ConversionFor(std::string_view currency, std::string_view date) {
    if (query.currency.empty() || currency == query.currency) return -1;
    std::string k(currency);
    k += date;
    if (auto it = conversion_of.find(k); it != conversion_of.end()) return it->second;
    const FxRate* best = nullptr;
    for (const FxRate& r : query.rates) {
      bool match = (r.base == currency && r.quote == query.currency) || (r.quote == currency && r.base == query.currency);
      if (!match || r.date > date) continue;
      if (!best || r.date >= best->date) best = &r;
    }
    int id = -2;
    if (best) {
      id = static_cast<int>(conversions.size());
      conversions.push_back({best->rate, best->base != currency});
    }
    conversion_of.emplace(std::move(k), id);
    return id;
  }
};

Accumulator::Accumulator(Query query) : state_(std::make_unique<State>()) { state_->query = std::move(query); }
Accumulator::~Accumulator() = default;

bool Accumulator::ParseFocus(const std::string& path, std::istream& in, Diagnostics& diags) {
  State& st = *state_;
  const Query& q = st.query;
  const auto file_index = static_cast<uint32_t>(st.files.size());
  st.files.push_back(path);
  CsvReader reader(in);
  std::vector<CsvField> fields;
  CsvError csv_error;
  int errors = 0;
  auto report = [&](int line, int col, std::string message, int span) {
    ++errors;
    if (errors > kMaxErrorsPerFile) return;
    Diagnostic d;
    d.pos = {path, line, col};
    d.message = errors == kMaxErrorsPerFile ? message + " (and more: reporting stops here; no line of this file is counted)"
                                            : std::move(message);
    d.source_line = std::string(reader.LineText(line));
    d.span = std::max(span, 1);
    d.code = "focus";
    diags.Add(std::move(d));
  };
  auto report_field = [&](const CsvField& f, std::string message) {
    report(f.line, f.col, std::move(message), f.width);
  };

  // The header: which column each role is in.
  if (!reader.Next(&fields, &csv_error)) {
    report(1, 1, "empty file: a FOCUS export starts with a header line", 1);
    return false;
  }
  if (!csv_error.message.empty()) {
    report(csv_error.line, csv_error.col, csv_error.message, 1);
    return false;
  }
  // A file that is not comma-separated UTF-8 would otherwise read as a
  // header without any FOCUS column: one error that says why, instead.
  if (HeaderFault fault = CheckHeader(reader, fields); !fault.message.empty()) {
    if (fault.binary) {
      ++errors;
      diags.Error({path, fault.line, fault.col}, fault.message, {}, 1, "focus");
    } else {
      report(fault.line, fault.col, fault.message, 1);
    }
    return false;
  }
  std::map<std::string, size_t, std::less<>> column;
  std::map<std::string, size_t, std::less<>> repeated;  // a name given twice: its second column
  for (size_t i = 0; i < fields.size(); ++i)
    if (!column.emplace(std::string(fields[i].value), i).second) repeated.emplace(std::string(fields[i].value), i);
  // An older name answers for the current one when the header lacks it.
  for (size_t i = 0; i < fields.size(); ++i)
    if (std::string_view current = CurrentColumnName(fields[i].value); !current.empty())
      column.emplace(std::string(current), i);
  bool header_ok = true;
  // A column the query reads, given twice, could hold either value: which
  // one is meant is not for the reader to guess.
  auto once = [&](std::string_view name) {
    auto twice = repeated.find(name);
    if (twice == repeated.end()) return;
    const size_t first = column.find(name)->second;
    report(reader.RecordLine(), fields[twice->second].col,
           "the header has column '" + std::string(name) + "' twice (columns " + std::to_string(first + 1) + " and " +
               std::to_string(twice->second + 1) + "); keep one",
           static_cast<int>(name.size()));
    header_ok = false;
    repeated.erase(twice);
  };
  // A name the query gives is found as written, else by the name it stands
  // for ("servicename", FOCUS 1.3's "ServiceProviderName" in a FOCUS 1.0
  // file): a file of one export whose header another tool wrote in
  // lower case is still the same column.
  auto find = [&](std::string_view name) {
    auto it = column.find(name);
    if (it != column.end()) return it;
    std::string_view current = CurrentColumnName(name);
    return current.empty() ? column.end() : column.find(current);
  };
  std::vector<std::string_view> missing;
  auto need = [&](std::string_view name) -> size_t {
    once(name);
    auto it = find(name);
    if (it != column.end()) return it->second;
    missing.push_back(name);
    header_ok = false;
    return 0;
  };
  const size_t measure_col = need(MeasureName(q.measure));
  const size_t currency_col = need(kCurrency);
  const size_t start_col = need(kStart);
  const size_t end_col = need(kEnd);
  // One error for the header, whatever it lacks: a provider's own export
  // (an AWS Cost and Usage Report, Azure's cost details) lacks them all.
  if (!missing.empty()) {
    std::string names;
    for (size_t i = 0; i < missing.size(); ++i)
      names += (i == 0 ? "'" : i + 1 == missing.size() ? " or '" : ", '") + std::string(missing[i]) + "'";
    std::string message = "the header has no column " + names;
    if (missing.size() > 1) {
      std::string_view kind = ExportKind(fields);
      message += kind.empty() ? std::string(": this is not a FOCUS export")
                              : ": this looks like " + std::string(kind) + ", not a FOCUS export";
      message += "; export the bill in FOCUS format instead";
    }
    report(reader.RecordLine(), 1, message, 1);
  }
  // A column to group or select by that this file lacks reads as empty on
  // each of its lines (the query's columns are checked against every file's
  // header, ExportColumns): a provider's own column, or Tags, which FOCUS's
  // samples leave out.
  constexpr size_t kAbsent = static_cast<size_t>(-1);
  auto optional = [&](std::string_view name) {
    once(name);
    auto it = find(name);
    return it == column.end() ? kAbsent : it->second;
  };
  std::vector<std::pair<size_t, std::string>> group_cols;  // column, tag key ("" for a plain column)
  bool tags = false;
  for (const std::string& g : q.group_by) {
    if (g.rfind(kTagPrefix, 0) == 0) {
      group_cols.emplace_back(optional(kTags), g.substr(kTagPrefix.size()));
      tags = true;
    } else {
      group_cols.emplace_back(optional(g), "");
    }
  }
  if (!header_ok) return false;
  const size_t width = fields.size();
  const size_t tags_col = tags ? optional(kTags) : kAbsent;

  // The lines.
  std::string key;
  std::vector<std::string_view> values(group_cols.size() + (q.by_day ? 1 : 0));
  std::vector<std::string> tag_values(group_cols.size());
  int64_t lines_read = 0, lines_selected = 0;
  std::set<std::string> no_rate;  // currencies reported without an exchange rate
  std::string last_currency;      // the last valid currency: most lines repeat it
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> pending_index;
  std::vector<std::vector<std::string>> pending_keys;
  std::vector<std::vector<State::Partial>> pending_parts;
  while (reader.Next(&fields, &csv_error)) {
    if (!csv_error.message.empty()) {
      ++lines_read;
      report(csv_error.line, csv_error.col, csv_error.message, 1);
      continue;
    }
    ++lines_read;
    if (fields.size() != width) {
      const CsvField& last = fields.back();
      report(last.line, last.col + last.width,
             std::to_string(fields.size()) + (fields.size() == 1 ? " field" : " fields") + ", but the header has " +
                 std::to_string(width),
             1);
      continue;
    }
    const CsvField& start = fields[start_col];
    std::string start_time = NormalizeTime(start.value);
    if (start_time.empty()) {
      report_field(start, "malformed " + std::string(kStart) + " '" + std::string(start.value) +
                              "': write an ISO 8601 time, 2024-09-01T00:00:00Z");
      continue;
    }
    const CsvField& end = fields[end_col];
    std::string end_time = NormalizeTime(end.value);
    if (end_time.empty()) {
      report_field(end, "malformed " + std::string(kEnd) + " '" + std::string(end.value) +
                            "': write an ISO 8601 time, 2024-09-02T00:00:00Z");
      continue;
    }
    if (end_time < start_time) {
      report_field(end, std::string(kEnd) + " is before " + std::string(kStart) + " (" + std::string(start.value) + ")");
      continue;
    }
    const CsvField& currency = fields[currency_col];
    if (currency.value.empty()) {
      report_field(currency, "empty " + std::string(kCurrency) + ": each line says its currency");
      continue;
    }
    if (currency.value != last_currency && !cost::IsCurrencyCode(currency.value)) {
      report_field(currency, "unknown currency '" + std::string(currency.value) + "'");
      continue;
    }
    last_currency = currency.value;
    const CsvField& measure = fields[measure_col];
    std::optional<Amount> amount;
    if (!IsNull(measure)) {
      amount = ParseAmount(measure.value);
      if (!amount) {
        report_field(measure, "malformed " + std::string(MeasureName(q.measure)) + " '" + std::string(measure.value) +
                                  "': write a decimal number such as -0.0042");
        continue;
      }
    }
    if (!q.period.empty() && std::string_view(start_time).substr(0, 7) != q.period) continue;
    if (tags) {
      nlohmann::json obj;
      if (tags_col != kAbsent && !IsNull(fields[tags_col])) {
        const CsvField& t = fields[tags_col];
        obj = nlohmann::json::parse(t.value.begin(), t.value.end(), nullptr, false);
        // Google Cloud's FOCUS view writes its tags as a list of
        // {"key": …, "value": …} records: read as the object they stand for.
        if (!obj.is_discarded() && obj.is_array()) obj = KeyValueTags(obj);
        if (obj.is_discarded() || !obj.is_object()) {
          report_field(t, "malformed Tags: write a JSON object such as {\"team\": \"data\"}, or a list of "
                          "{\"key\": …, \"value\": …}");
          continue;
        }
      }
      for (size_t g = 0; g < group_cols.size(); ++g) {
        if (group_cols[g].second.empty()) continue;
        tag_values[g].clear();
        // A key with a null value ({"team": null}) has no value to group by,
        // as a line without the key: "(none)", not a group named "null".
        if (auto it = obj.find(group_cols[g].second); it != obj.end() && !it->is_null())
          tag_values[g] = it->is_string() ? it->get<std::string>() : it->dump();
      }
    }
    int conversion = st.ConversionFor(currency.value, std::string_view(start_time).substr(0, 10));
    if (conversion == -2) {
      // Once per currency and file: the lines after it lack the same rate.
      if (no_rate.insert(std::string(currency.value)).second) {
        report_field(currency, "no exchange rate between " + std::string(currency.value) + " and " + q.currency +
                                   " on or before " + start_time.substr(0, 10) +
                                   " (pricing/ rates); this file's lines in " + std::string(currency.value) +
                                   " are not counted");
      } else {
        ++errors;
      }
      continue;
    }
    // A group's name is shown on pages and printed: a file in another
    // encoding (Windows-1252's "Caf\xe9") is an error at its field.
    bool utf8 = true;
    for (size_t g = 0; g < group_cols.size() && utf8; ++g) {
      if (!group_cols[g].second.empty() || group_cols[g].first == kAbsent) continue;
      const CsvField& f = fields[group_cols[g].first];
      int bad_line = 0, bad_col = 0;
      if (!ValidUtf8(f.value, &bad_line, &bad_col)) {
        report_field(f, "invalid UTF-8: FOCUS exports are UTF-8; save the file again as UTF-8 CSV");
        utf8 = false;
      }
    }
    if (!utf8) continue;
    key.clear();
    for (size_t g = 0; g < group_cols.size(); ++g) {
      values[g] = !group_cols[g].second.empty()         ? std::string_view(tag_values[g])
                  : group_cols[g].first == kAbsent || IsNull(fields[group_cols[g].first])
                      ? std::string_view()
                      : fields[group_cols[g].first].value;
      key.append(values[g]);
      key.push_back('\x1f');
    }
    if (q.by_day) {
      values.back() = std::string_view(start_time).substr(0, 10);
      key.append(values.back());
      key.push_back('\x1f');
    }
    auto it = pending_index.find(key);
    if (it == pending_index.end()) {
      it = pending_index.emplace(key, static_cast<uint32_t>(pending_keys.size())).first;
      pending_keys.emplace_back(values.begin(), values.end());
      pending_parts.emplace_back();
    }
    std::vector<State::Partial>& parts = pending_parts[it->second];
    auto part = std::find_if(parts.begin(), parts.end(), [&](const State::Partial& p) {
      return p.conversion == conversion && p.currency == currency.value;
    });
    if (part == parts.end()) {
      parts.push_back({std::string(currency.value), conversion, {}, 0, 0, {file_index}});
      part = parts.end() - 1;
    }
    ++part->lines;
    ++lines_selected;
    if (amount) {
      part->sum.Add(*amount);
    } else {
      ++part->empty;
    }
  }
  if (!csv_error.message.empty()) report(csv_error.line, csv_error.col, csv_error.message, 1);
  st.lines_read += lines_read;
  if (errors > 0) return false;  // a file with a bad line adds nothing: no total is partly counted
  st.lines_selected += lines_selected;
  for (size_t i = 0; i < pending_keys.size(); ++i) {
    std::string k;
    for (const std::string& v : pending_keys[i]) k += v + '\x1f';
    auto git = st.index.find(k);
    if (git == st.index.end()) {
      git = st.index.emplace(k, static_cast<uint32_t>(st.groups.size())).first;
      st.groups.push_back({pending_keys[i], {}});
    }
    std::vector<State::Partial>& parts = st.groups[git->second].parts;
    for (State::Partial& p : pending_parts[i]) {
      auto same = std::find_if(parts.begin(), parts.end(), [&](const State::Partial& o) {
        return o.conversion == p.conversion && o.currency == p.currency;
      });
      if (same == parts.end()) {
        parts.push_back(std::move(p));
      } else {
        same->lines += p.lines;
        same->empty += p.empty;
        same->files.push_back(file_index);  // files are read one after another: still ascending
        same->sum.Add(Amount{0, false, p.sum.Value()});
      }
    }
  }
  return true;
}

Totals Accumulator::Finish(Diagnostics& /*diags*/) const {
  const State& st = *state_;
  Totals out;
  out.files = st.files;
  out.lines_read = st.lines_read;
  out.lines_selected = st.lines_selected;
  bool inexact = false;  // a sum was divided by a rate: its digits do not end
  for (const State::Group& g : st.groups) {
    std::vector<GroupTotal> by_currency;
    for (const State::Partial& p : g.parts) {
      cost::Decimal v = p.sum.Value();
      std::string currency = p.currency;
      if (p.conversion >= 0) {
        const State::Conversion& c = st.conversions[p.conversion];
        if (c.divide) {
          v /= c.rate;
          inexact = true;
        } else {
          v *= c.rate;
        }
        currency = st.query.currency;
      }
      auto t = std::find_if(by_currency.begin(), by_currency.end(),
                            [&](const GroupTotal& o) { return o.currency == currency; });
      if (t == by_currency.end()) {
        by_currency.push_back({g.key, currency, 0, 0, 0, {}});
        t = by_currency.end() - 1;
      }
      t->total += v;
      t->lines += p.lines;
      t->empty_lines += p.empty;
      std::vector<uint32_t> files;
      std::set_union(t->files.begin(), t->files.end(), p.files.begin(), p.files.end(), std::back_inserter(files));
      t->files = std::move(files);
    }
    for (GroupTotal& t : by_currency) out.groups.push_back(std::move(t));
  }
  // Every group is then rounded to the same decimals: as many as leave the
  // sum of their sizes 40 significant digits, so each group prints whole
  // and the total, their exact sum, prints whole too, and adds up.
  if (inexact) {
    cost::Decimal span = 0;
    for (const GroupTotal& g : out.groups) span += g.total.Abs();
    const int integer_digits = span < cost::Decimal(1) ? 1 : static_cast<int>(span.Floor().ToString().size());
    for (GroupTotal& g : out.groups) g.total = g.total.RoundHalfAwayFromZero(40 - integer_digits);
  }
  std::sort(out.groups.begin(), out.groups.end(), [](const GroupTotal& a, const GroupTotal& b) {
    if (a.currency != b.currency) return a.currency < b.currency;
    if (a.total != b.total) return a.total > b.total;
    return a.key < b.key;
  });
  for (const GroupTotal& g : out.groups) {
    if (out.sums.empty() || out.sums.back().currency != g.currency) out.sums.push_back({{}, g.currency, 0, 0, 0, {}});
    out.sums.back().total += g.total;
    out.sums.back().lines += g.lines;
    out.sums.back().empty_lines += g.empty_lines;
  }
  return out;
}

}  // namespace costsite::actuals
