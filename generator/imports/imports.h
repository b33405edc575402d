// The imports stage: public price catalogs read into costsite price lists
// (cost::PriceList, as the pricing stage reads them from YAML), merged with
// the lists a site already has, and written back as YAML. Parse* and Merge*
// are pure; only the `import` command touches the disk. See docs/pricing.md,
// "Importing price catalogs".
#ifndef COSTSITE_IMPORTS_IMPORTS_H_
#define COSTSITE_IMPORTS_IMPORTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "cost/inputs.h"

namespace costsite::imports {

/// The costsite id for a provider's own name: lowercase, every run of other
/// characters one '-' ("meta-llama/Llama-3-70B:free" -> "meta-llama-llama-3-70b-free").
std::string IdFor(std::string_view name);

/// A JSON number as a plain decimal ("1e-7" -> "0.0000001"); "" if malformed.
std::string PlainDecimal(std::string_view number);

/// The data of the genai-prices catalog (a JSON array of providers, as its npm
/// package ships it) as one price list per provider, read on `today`.
/// Malformed JSON or a price that is not a number is an error; what costsite
/// cannot represent is a warning naming the model.
std::vector<cost::PriceList> ParseGenaiPrices(const std::string& path, std::string_view text,
                                              const std::string& today, Diagnostics& diags);

/// A CSV with the header `provider,id,unit,price,currency,date,variant`
/// (RFC 4180 quoting, BOM and CRLF accepted) as one price list per provider.
std::vector<cost::PriceList> ParseCsvPrices(const std::string& path, std::string_view text,
                                            const std::string& today, Diagnostics& diags);

/// What MergePriceList did, for the command's summary.
struct MergeCounts {
  int entries_added = 0;
  int values_added = 0;
  int unchanged = 0;  // entries whose values were all known
};

/// Adds to `*into` what `fresh` has that it has not: new entries, and values
/// in force from dates it does not know. A value the provider changed is added
/// as in force from `today`; no value is ever changed or removed (a rewritten
/// past value is a warning at `path`).
MergeCounts MergePriceList(const cost::PriceList& fresh, const std::string& today, const std::string& path,
                           cost::PriceList* into, Diagnostics& diags);

/// The YAML text of a price list, in the layout `costsite import` writes.
std::string WritePriceList(const cost::PriceList& list, std::string_view header_comment);

}  // namespace costsite::imports

#endif  // COSTSITE_IMPORTS_IMPORTS_H_
