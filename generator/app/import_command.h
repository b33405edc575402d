// `costsite import prices FORMAT SOURCE [--into pricing/DIR]`: reads a public
// price catalog and adds its prices to the site's price lists, one file per
// provider, only ever adding dated values (docs/pricing.md, "Importing price
// catalogs").
#ifndef COSTSITE_APP_IMPORT_COMMAND_H_
#define COSTSITE_APP_IMPORT_COMMAND_H_

#include <ostream>
#include <string>

#include "base/diagnostics.h"

namespace costsite {

struct ImportRequest {
  std::string format;                 // "genai-prices" or "csv"
  std::string source;                 // the catalog file
  std::string site_dir = ".";         // the site, holding pricing/
  std::string into = "pricing/imported";  // relative to the site; must be inside pricing/
};

/// Imports `req.source` into the site; 0 on success, 1 when the catalog or
/// the site's files have errors (nothing is written then), 2 on bad usage.
int RunImport(const ImportRequest& req, std::ostream& out, Diagnostics& diags);

}  // namespace costsite

#endif  // COSTSITE_APP_IMPORT_COMMAND_H_
