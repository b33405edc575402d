// Results held in a temporary file rather than in memory (Options::
// spill_results): a site of one model per report holds every model's
// results from its evaluation to its last page, about 3.7 KB a model, the
// largest part of a large build's memory. Each result is written once, in a
// compact binary form, as its group is evaluated, and made again when a page
// reads it (ResultList, ResultScope). Internal to the cost stage.
#ifndef COSTSITE_COST_RESULT_STORE_H_
#define COSTSITE_COST_RESULT_STORE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/spill.h"
#include "cost/evaluation.h"

namespace costsite::cost {

/// The bytes of results, and the values many results share (units, price
/// uses): those are held once, in memory, and each result refers to them by
/// number. Safe to use from many threads.
class ResultStore {
 public:
  ResultStore() = default;
  ResultStore(const ResultStore&) = delete;
  ResultStore& operator=(const ResultStore&) = delete;

  /// Writes `r` out; false when the temporary file cannot be written (the
  /// caller then holds `r`).
  bool Put(const ModelResult& r, uint64_t* at, uint32_t* size);
  /// The result Put wrote at `at`. Aborts on bytes it cannot read: the file
  /// is this process's own, and a result read wrong would be a wrong figure.
  std::shared_ptr<const ModelResult> Get(uint64_t at, uint32_t size) const;

  /// `r` as bytes and back, with the shared values in this store (for tests).
  std::string Encode(const ModelResult& r);
  ModelResult Decode(std::string_view bytes) const;

  /// The result read outside any ResultScope, kept until the store goes.
  std::shared_ptr<const ModelResult> Kept(uint64_t at, uint32_t size) const;

 private:
  friend class ResultWriter;
  friend class ResultReader;
  uint32_t UnitNumber(const std::shared_ptr<const Unit>& u);
  uint32_t PriceNumber(const std::shared_ptr<const PriceUse>& p);

  SpillFile file_;
  mutable std::mutex mu_;
  // By address: a unit or price use is one shared value for every result.
  std::vector<std::shared_ptr<const Unit>> units_;
  std::unordered_map<const Unit*, uint32_t> unit_numbers_;
  std::vector<std::shared_ptr<const PriceUse>> prices_;
  std::unordered_map<const PriceUse*, uint32_t> price_numbers_;
  mutable std::unordered_map<uint64_t, std::shared_ptr<const ModelResult>> kept_;
};

}  // namespace costsite::cost

#endif  // COSTSITE_COST_RESULT_STORE_H_
