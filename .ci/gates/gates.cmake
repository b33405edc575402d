# The quality gates (docs/quality.md), registered with CTest under the label
# `gate`: `ctest -L gate` runs only them, `ctest -LE gate` everything else.
# Each gate script prints how long it took. The sanitizer build (asan_build,
# shared by the sanitize and fuzz gates as a CTest fixture) and the runs from
# it use both cores, so they run alone (RUN_SERIAL).
option(COSTSITE_GATES "Register the quality gates with CTest" ON)
if(COSTSITE_GATES)
  set(gate_dir ${PROJECT_SOURCE_DIR}/.ci/gates)
  set(gate_work ${CMAKE_BINARY_DIR}/gates)
  foreach(gate vnu browser)
    add_test(NAME gate.${gate}
             COMMAND bash ${gate_dir}/${gate}.sh $<TARGET_FILE:costsite> ${PROJECT_SOURCE_DIR} ${gate_work})
  endforeach()
  foreach(gate asan_build sanitize fuzz)
    add_test(NAME gate.${gate} COMMAND bash ${gate_dir}/${gate}.sh ${PROJECT_SOURCE_DIR} ${gate_work})
    set_tests_properties(gate.${gate} PROPERTIES RUN_SERIAL TRUE)
  endforeach()
  set_tests_properties(gate.asan_build PROPERTIES FIXTURES_SETUP asan_build)
  set_tests_properties(gate.sanitize gate.fuzz PROPERTIES FIXTURES_REQUIRED asan_build)
  set_tests_properties(gate.vnu gate.browser gate.asan_build gate.sanitize gate.fuzz PROPERTIES LABELS gate)
  set_tests_properties(gate.vnu gate.browser PROPERTIES TIMEOUT 600)
  set_tests_properties(gate.asan_build gate.sanitize gate.fuzz PROPERTIES TIMEOUT 1800)
endif()
