// Times, in one process, a full cost::Evaluate (2 threads, as serve runs it)
// against cost::Reevaluate after one price of the benchmark's price list
// changes, three times, and checks that both give the same results; and
// reading pricing/ whole (ReadPricing, every file compared with the parse
// cache) against reading only the changed file (ReadPricingChanged, as serve
// does when its watcher names the file), checking both give the same inputs.
//
// Usage (after `make build`; the corpus from bench/gen_corpus.py):
//   c++ -std=c++20 -O2 -DNDEBUG -Igenerator bench/reevaluate.cpp -o /tmp/reevaluate \
//     build/generator/pricing/libcostsite_pricing.a build/generator/cost/libcostsite_cost.a \
//     build/generator/base/libcostsite_base.a -lyaml -lyaml-cpp -licuuc -licui18n -ljemalloc
//   /tmp/reevaluate CORPUS/costsite/pricing   # restores bench.yaml at the end
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include "cost/evaluate.h"
#include "cost/inputs_json.h"
#include "pricing/pricing.h"
using namespace costsite;
static double cpu() { timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static double wall() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }
int main(int argc, char** argv) {
  std::string dir = argv[1];
  std::string file = dir + "/bench.yaml";
  std::ifstream in(file); std::stringstream ss; ss << in.rdbuf(); std::string text = ss.str();
  cost::Options opt; opt.today = "2026-12-04";
  pricing::ParseCache cache;
  Diagnostics d0;
  cost::Evaluation ev = cost::Evaluate(pricing::ReadPricing(dir, d0, 1, &cache), opt, d0, 1);
  for (int k = 0; k < 3; ++k) {
    std::string t = text; size_t e = t.find("id: gpu3\n"); size_t at = t.find("price: ", e); size_t end = t.find('\n', at);
    t = t.substr(0, at) + "price: " + std::to_string(5 + k) + t.substr(end);
    std::ofstream(file) << t;
    pricing::ParseCache named_cache = cache;
    double n0 = cpu(), nw0 = wall();
    Diagnostics dn; cost::Inputs named;
    bool took = pricing::ReadPricingChanged(dir, {"pricing/bench.yaml"}, dn, 1, &named_cache, &named);
    double n1 = cpu(), nw1 = wall();
    double c0 = cpu(), w0 = wall();
    Diagnostics d1; cost::Inputs inputs = pricing::ReadPricing(dir, d1, 1, &cache);
    double c1 = cpu(), w1 = wall();
    bool same_inputs = took && cost::InputsToJson(named, opt) == cost::InputsToJson(inputs, opt);
    std::printf("run %d: read the named file cpu %.0f ms (wall %.0f), same inputs=%d\n", k, 1000 * (n1 - n0),
                1000 * (nw1 - nw0), same_inputs);
    Diagnostics d2; cost::Inputs copy = inputs;
    double c2 = cpu(), w2 = wall();
    cost::Evaluation full = cost::Evaluate(std::move(copy), opt, d2, 2);
    double c3 = cpu(), w3 = wall();
    cost::ReevaluateStats st; Diagnostics d3;
    cost::Evaluation re = cost::Reevaluate(ev, std::move(inputs), cache.changed, opt, d3, 1, &st);
    double c4 = cpu(), w4 = wall();
    bool same = full.results().size() == re.results().size();
    for (size_t i = 0; same && i < re.results().size(); ++i) same = cost::Fingerprint(full.results()[i]) == cost::Fingerprint(re.results()[i]);
    std::printf("run %d: read pricing/ cpu %.0f ms (wall %.0f); full Evaluate cpu %.0f ms (wall %.0f); Reevaluate cpu %.0f ms (wall %.0f), %zu models rebuilt, full=%d, same=%d\n",
                k, 1000 * (c1 - c0), 1000 * (w1 - w0), 1000 * (c3 - c2), 1000 * (w3 - w2), 1000 * (c4 - c3), 1000 * (w4 - w3), st.rebuilt.size(), st.full, same);
    ev = re;
  }
  std::ofstream(file) << text;
}
