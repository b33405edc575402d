// A cost/ source that includes a later stage: the build must refuse it
// (cmake/CheckStageIncludes.cmake, run by the stage_includes test).
#include "cost/units.h"
#include "render/site_renderer.h"
