#include "cost/result_store.h"

#include <cstdlib>
#include <cstring>

#include "cost/affine.h"

namespace costsite::cost {

// Every field of a ModelResult, in declaration order, one writer and one
// reader kept side by side: a field added to one and not the other fails the
// round trip test (tests/cost/result_store_test.cpp), which compares the
// Fingerprint of every result of the example site and the test sites.
class ResultWriter {
 public:
  ResultWriter(ResultStore* store, std::string* out) : store_(store), out_(out) {}

  void Model(const ModelResult& r) {
    Str(r.model);
    Str(r.scenario);
    Text(r.title);
    Str(r.as_of);
    List(r.params, [&](const Figure& f) { Fig(f); });
    List(r.items, [&](const LineItem& i) { Item(i); });
    List(r.groups, [&](const Group& g) {
      Str(g.id);
      Text(g.label);
      Fig(g.subtotal);
      Ends(g.share);
    });
    Opt(r.total, [&](const Figure& f) { Fig(f); });
    List(r.figures, [&](const Figure& f) { Fig(f); });
    List(r.rules, [&](const RuleResult& rule) { Rule(rule); });
    List(r.expectations, [&](const ExpectationResult& e) { Expectation(e); });
    List(r.scenarios, [&](const ScenarioInfo& s) {
      Str(s.id);
      Text(s.label);
    });
    List(r.shares, [&](const Figure& f) { Fig(f); });
    List(r.inputs, [&](const InputRange& in) {
      Str(in.param);
      Dec(in.min);
      Dec(in.max);
      Opt(in.step, [&](const Decimal& d) { Dec(d); });
    });
    List(r.uses, [&](const std::string& s) { Str(s); });
    Pos(r.pos);
    Str(r.source_line);
  }

 private:
  void Num(uint64_t v) { AppendVarint(v, out_); }
  void Int(int64_t v) { Num(ZigZag(v)); }
  void Bool(bool b) { out_->push_back(b ? 1 : 0); }
  void Str(std::string_view s) {
    Num(s.size());
    out_->append(s);
  }
  void Dec(const Decimal& d) { d.AppendExact(out_); }
  void Ends(const IntervalEnds& v) {
    Dec(v.lo());
    const bool point = &v.hi() == &v.lo();  // IntervalEnds keeps no second end for a point
    Bool(point);
    if (!point) Dec(v.hi());
  }
  void Range(const Interval& v) {
    Dec(v.lo);
    Bool(v.IsPoint());
    if (!v.IsPoint()) Dec(v.hi);
    Bool(v.form != nullptr);
    if (!v.form) return;
    Dec(v.form->centre);
    Num(v.form->terms.size());
    for (const AffineTerm& t : v.form->terms) {
      Str(t.symbol->name);  // the symbol's hash is made again from it
      Dec(t.coef);
    }
    Dec(v.form->error);
  }
  void Text(const LocalizedText& t) {
    Num(t.size());
    for (const auto& [lang, text] : t) {
      Str(lang);
      Str(text);
    }
  }
  void Lc(const LineCol& p) {
    Int(p.line);
    Int(p.col);
  }
  void Pos(const SourcePos& p) {
    Str(p.path);
    Int(p.line);
    Int(p.col);
  }
  void UnitRef(const std::shared_ptr<const Unit>& u) { Num(store_->UnitNumber(u)); }
  void PriceRef(const std::shared_ptr<const PriceUse>& p) { Num(store_->PriceNumber(p)); }
  template <typename C, typename F>
  void List(const C& items, F each) {
    Num(items.size());
    for (const auto& item : items) each(item);
  }
  template <typename O, typename F>
  void Opt(const O& v, F each) {
    Bool(static_cast<bool>(v));
    if (v) each(*v);
  }

  void Fig(const Figure& f) {
    Str(f.id);
    Text(f.label);
    Range(f.value);
    UnitRef(f.unit.ptr());
    Bool(f.is_bool);
    Bool(f.bool_value);
    ExplainRef(f.explain);
    Lc(f.pos);
  }
  // An explanation two figures of the result share is written once, and
  // shared again when read (a page writes a shared one's popover once).
  void ExplainRef(const SharedValue<Explanation>& e) {
    if (!e.ptr()) return Num(0);
    auto [it, added] = explanations_.emplace(e.ptr().get(), explanations_.size());
    if (!added) return Num(2 + it->second);
    Num(1);
    Explain(*e);
  }
  void Explain(const Explanation& e) {
    Str(e.formula);
    List(e.inputs, [&](const InputUse& in) {
      Str(in.name);
      Text(in.label);
      Bool(!in.scenario->empty());
      if (!in.scenario->empty()) {
        Str(in.scenario->id);
        Text(in.scenario->label);
      }
      Bool(in.share);
      Bool(in.is_bool);
      Bool(in.bool_value);
      Ends(in.value);
      UnitRef(in.unit.ptr());
    });
    List(e.prices, [&](const Shared<PriceUse>& p) { PriceRef(p.ptr()); });
    List(e.fx, [&](const FxUse& fx) {
      Str(fx.base);
      Str(fx.quote);
      Dec(fx.rate);
      Str(fx.date);
      Str(fx.source);
    });
    List(e.conversions, [&](const ConversionUse& c) {
      Ends(c.from_value);
      UnitRef(c.from.ptr());
      Ends(c.factor);
      UnitRef(c.factor_unit.ptr());
      Ends(c.to_value);
      UnitRef(c.to.ptr());
    });
  }
  void Item(const LineItem& i) {
    Str(i.id);
    Text(i.label);
    Str(i.group);
    Opt(i.quantity, [&](const Figure& f) { Fig(f); });
    Bool(i.unit_price.has_value());
    if (i.unit_price) PriceRef(i.unit_price.ptr());
    Opt(i.factor, [&](const Figure& f) { Fig(f); });
    Fig(i.cost);
    Ends(i.share);
  }
  void Rule(const RuleResult& r) {
    Str(r.id);
    Text(r.label);
    Text(r.recommendation);
    Bool(r.holds);
    Str(r.when);
    Pos(r.pos);
    Text(r.condition);
    Opt(r.measured, [&](const Figure& f) { Fig(f); });
  }
  void Expectation(const ExpectationResult& e) {
    Str(e.figure);
    Str(e.stated_text);
    Range(e.stated);
    Range(e.computed);
    UnitRef(InternUnit(e.unit).ptr());
    Bool(e.ok);
    Bool(e.known_discrepancy);
    Text(e.source);
    Text(e.note);
    Pos(e.pos);
  }

  ResultStore* store_;
  std::string* out_;
  std::unordered_map<const Explanation*, uint64_t> explanations_;  // written, by number
};

// Reads what ResultWriter wrote, field for field. A read past the end or a
// number out of range aborts (ResultStore::Get).
class ResultReader {
 public:
  ResultReader(const ResultStore* store, std::string_view in) : store_(store), in_(in) {}

  ModelResult Model() {
    ModelResult r;
    r.model = Str();
    r.scenario = Str();
    r.title = Text();
    r.as_of = Str();
    r.params = List<Figure>([&] { return Fig(); });
    r.items = List<LineItem>([&] { return Item(); });
    r.groups = List<Group>([&] {
      Group g;
      g.id = Str();
      g.label = Text();
      g.subtotal = Fig();
      g.share = Ends();
      return g;
    });
    if (Bool()) r.total = Fig();
    r.figures = List<Figure>([&] { return Fig(); });
    r.rules = List<RuleResult>([&] { return Rule(); });
    r.expectations = SharedList<ExpectationResult>(List<ExpectationResult>([&] { return Expectation(); }));
    r.scenarios = SharedList<ScenarioInfo>(List<ScenarioInfo>([&] {
      ScenarioInfo s;
      s.id = Str();
      s.label = Text();
      return s;
    }));
    r.shares = List<Figure>([&] { return Fig(); });
    r.inputs = SharedList<InputRange>(List<InputRange>([&] {
      InputRange in;
      in.param = Str();
      in.min = Dec();
      in.max = Dec();
      if (Bool()) in.step = Dec();
      return in;
    }));
    r.uses = SharedList<std::string>(List<std::string>([&] { return Str(); }));
    r.pos = Pos();
    r.source_line = Str();
    if (at_ != in_.size()) Fail();
    return r;
  }

 private:
  [[noreturn]] static void Fail() { std::abort(); }
  uint64_t Num() {
    uint64_t v = 0;
    if (!ReadVarint(in_, &at_, &v)) Fail();
    return v;
  }
  int Int() { return static_cast<int>(UnZigZag(Num())); }
  bool Bool() {
    if (at_ >= in_.size()) Fail();
    return in_[at_++] != 0;
  }
  std::string Str() {
    const uint64_t n = Num();
    if (n > in_.size() - at_) Fail();
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  Decimal Dec() {
    Decimal d;
    if (!Decimal::ReadExact(in_, &at_, &d)) Fail();
    return d;
  }
  IntervalEnds Ends() {
    Decimal lo = Dec();
    if (Bool()) return Interval(lo);
    return Interval(lo, Dec());
  }
  Interval Range() {
    Interval v(Dec());
    if (!Bool()) v.hi = Dec();
    if (!Bool()) return v;
    AffineForm form;
    form.centre = Dec();
    const uint64_t terms = Num();
    for (uint64_t i = 0; i < terms; ++i) {
      AffineTerm t;
      t.symbol = MakeSymbol(Str());
      t.coef = Dec();
      form.terms.push_back(std::move(t));
    }
    form.error = Dec();
    v.form = std::make_shared<const AffineForm>(std::move(form));
    return v;
  }
  LocalizedText Text() {
    LocalizedText t;
    const uint64_t n = Num();
    for (uint64_t i = 0; i < n; ++i) {
      std::string lang = Str();
      t.emplace(std::move(lang), Str());
    }
    return t;  // not interned: a result read back lives for a page
  }
  LineCol Lc() {
    LineCol p;
    p.line = Int();
    p.col = Int();
    return p;
  }
  SourcePos Pos() {
    SourcePos p;
    p.path = Str();
    p.line = Int();
    p.col = Int();
    return p;
  }
  Shared<Unit> UnitRef() {
    const uint64_t n = Num();
    std::lock_guard<std::mutex> lock(store_->mu_);
    if (n >= store_->units_.size()) Fail();
    return Shared<Unit>(store_->units_[n]);
  }
  Shared<PriceUse> PriceRef() {
    const uint64_t n = Num();
    std::lock_guard<std::mutex> lock(store_->mu_);
    if (n >= store_->prices_.size()) Fail();
    return Shared<PriceUse>(store_->prices_[n]);
  }
  template <typename T, typename F>
  std::vector<T> List(F each) {
    const uint64_t n = Num();
    if (n > in_.size() - at_) Fail();  // every entry is at least a byte
    std::vector<T> out;
    out.reserve(n);
    for (uint64_t i = 0; i < n; ++i) out.push_back(each());
    return out;
  }

  Figure Fig() {
    Figure f;
    f.id = Str();
    f.label = Text();
    f.value = Range();
    f.unit = UnitRef();
    f.is_bool = Bool();
    f.bool_value = Bool();
    f.explain = ExplainRef();
    f.pos = Lc();
    return f;
  }
  SharedValue<Explanation> ExplainRef() {
    const uint64_t tag = Num();
    if (tag == 0) return {};
    if (tag >= 2) {
      if (tag - 2 >= explanations_.size()) Fail();
      return SharedValue<Explanation>(explanations_[tag - 2]);
    }
    // Not interned (ShareExplanation): a result read back lives for a page.
    auto e = std::make_shared<const Explanation>(Explain());
    explanations_.push_back(e);
    return SharedValue<Explanation>(std::move(e));
  }
  Explanation Explain() {
    Explanation e;
    e.formula = Str();
    e.inputs = List<InputUse>([&] {
      InputUse in;
      in.name = Str();
      in.label = Text();
      if (Bool()) {
        InputScenario s;
        s.id = Str();
        s.label = Text();
        in.scenario = std::move(s);
      }
      in.share = Bool();
      in.is_bool = Bool();
      in.bool_value = Bool();
      in.value = Ends();
      in.unit = UnitRef();
      return in;
    });
    e.prices = List<Shared<PriceUse>>([&] { return PriceRef(); });
    e.fx = List<FxUse>([&] {
      FxUse fx;
      fx.base = Str();
      fx.quote = Str();
      fx.rate = Dec();
      fx.date = Str();
      fx.source = Str();
      return fx;
    });
    e.conversions = List<ConversionUse>([&] {
      ConversionUse c;
      c.from_value = Ends();
      c.from = UnitRef();
      c.factor = Ends();
      c.factor_unit = UnitRef();
      c.to_value = Ends();
      c.to = UnitRef();
      return c;
    });
    return e;
  }
  LineItem Item() {
    LineItem i;
    i.id = Str();
    i.label = Text();
    i.group = Str();
    if (Bool()) i.quantity = Fig();
    if (Bool()) i.unit_price = PriceRef();
    if (Bool()) i.factor = Fig();
    i.cost = Fig();
    i.share = Ends();
    return i;
  }
  RuleResult Rule() {
    RuleResult r;
    r.id = Str();
    r.label = Text();
    r.recommendation = Text();
    r.holds = Bool();
    r.when = Str();
    r.pos = Pos();
    r.condition = Text();
    if (Bool()) r.measured = Fig();
    return r;
  }
  ExpectationResult Expectation() {
    ExpectationResult e;
    e.figure = Str();
    e.stated_text = Str();
    e.stated = Range();
    e.computed = Range();
    e.unit = *UnitRef();
    e.ok = Bool();
    e.known_discrepancy = Bool();
    e.source = Text();
    e.note = Text();
    e.pos = Pos();
    return e;
  }

  const ResultStore* store_;
  std::string_view in_;
  size_t at_ = 0;
  std::vector<std::shared_ptr<const Explanation>> explanations_;  // read, by number
};

uint32_t ResultStore::UnitNumber(const std::shared_ptr<const Unit>& u) {
  std::lock_guard<std::mutex> lock(mu_);
  auto [it, added] = unit_numbers_.emplace(u.get(), static_cast<uint32_t>(units_.size()));
  if (added) units_.push_back(u);
  return it->second;
}

uint32_t ResultStore::PriceNumber(const std::shared_ptr<const PriceUse>& p) {
  std::lock_guard<std::mutex> lock(mu_);
  auto [it, added] = price_numbers_.emplace(p.get(), static_cast<uint32_t>(prices_.size()));
  if (added) prices_.push_back(p);
  return it->second;
}

std::string ResultStore::Encode(const ModelResult& r) {
  std::string out;
  ResultWriter(this, &out).Model(r);
  return out;
}

ModelResult ResultStore::Decode(std::string_view bytes) const { return ResultReader(this, bytes).Model(); }

bool ResultStore::Put(const ModelResult& r, uint64_t* at, uint32_t* size) {
  const std::string bytes = Encode(r);
  if (bytes.size() > UINT32_MAX) return false;
  *size = static_cast<uint32_t>(bytes.size());
  return file_.Append(bytes, at);
}

std::shared_ptr<const ModelResult> ResultStore::Get(uint64_t at, uint32_t size) const {
  std::string bytes(size, '\0');
  if (!file_.Read(at, size, bytes.data())) std::abort();  // the process's own file, written whole
  return std::make_shared<const ModelResult>(Decode(bytes));
}

std::shared_ptr<const ModelResult> ResultStore::Kept(uint64_t at, uint32_t size) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = kept_.find(at); it != kept_.end()) return it->second;
  }
  auto r = Get(at, size);
  std::lock_guard<std::mutex> lock(mu_);
  return kept_.emplace(at, std::move(r)).first->second;
}

namespace {

struct ScopeKey {
  const ResultStore* store;
  uint64_t at;
  friend bool operator==(const ScopeKey&, const ScopeKey&) = default;
};
struct ScopeKeyHash {
  size_t operator()(const ScopeKey& k) const {
    return std::hash<const void*>()(k.store) ^ (std::hash<uint64_t>()(k.at) * 0x9E3779B97F4A7C15ull);
  }
};
using ScopeResults = std::unordered_map<ScopeKey, std::shared_ptr<const ModelResult>, ScopeKeyHash>;

// The thread's scopes, innermost last.
thread_local std::vector<ScopeResults> scopes;

}  // namespace

ResultScope::ResultScope() { scopes.emplace_back(); }
ResultScope::~ResultScope() { scopes.pop_back(); }

const ModelResult& ResultList::Read(size_t i) const {
  const Entry& e = items_[i];
  if (scopes.empty()) return *store_->Kept(e.at, e.size);
  ScopeResults& kept = scopes.back();
  auto [it, added] = kept.try_emplace(ScopeKey{store_.get(), e.at});
  if (added) it->second = store_->Get(e.at, e.size);
  return *it->second;
}

const ModelResult& ResultList::Get(size_t i, Ptr* held) const {
  const Entry& e = items_[i];
  if (e.result) return *e.result;
  if (!scopes.empty()) return Read(i);
  if (!*held) *held = store_->Get(e.at, e.size);
  return **held;
}

ResultList::Ptr ResultList::shared(size_t i) const {
  const Entry& e = items_[i];
  return e.result ? e.result : store_->Get(e.at, e.size);
}

const std::string& ResultList::model(size_t i) const {
  return items_[i].result ? items_[i].result->model : items_[i].model;
}

const std::string& ResultList::scenario(size_t i) const {
  static const std::string kNone;
  const Entry& e = items_[i];
  return e.result ? e.result->scenario : e.rest ? e.rest->scenario : kNone;
}

const SharedList<std::string>& ResultList::uses(size_t i) const {
  static const SharedList<std::string> kNone;
  const Entry& e = items_[i];
  return e.result ? e.result->uses : e.rest ? e.rest->uses : kNone;
}

const SharedList<ExpectationResult>& ResultList::expectations(size_t i) const {
  static const SharedList<ExpectationResult> kNone;
  const Entry& e = items_[i];
  return e.result ? e.result->expectations : e.rest ? e.rest->expectations : kNone;
}

void ResultList::Freeze(ModelResult r, const std::shared_ptr<ResultStore>& store) {
  Entry e;
  if (store->Put(r, &e.at, &e.size)) {
    store_ = store;
    e.model = std::move(r.model);
    if (!r.scenario.empty() || !r.uses.empty() || !r.expectations.empty())
      e.rest = Entry::Rest{std::move(r.scenario), std::move(r.uses), std::move(r.expectations)};
  } else {
    e.result = std::make_shared<const ModelResult>(std::move(r));
  }
  items_.push_back(std::move(e));
}

void ResultList::Append(ResultList&& other) {
  if (other.store_) store_ = std::move(other.store_);
  for (Entry& e : other.items_) items_.push_back(std::move(e));
  std::vector<Entry>().swap(other.items_);
}

}  // namespace costsite::cost
