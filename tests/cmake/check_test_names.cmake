# Fails when a Catch2 test name would not run as its own CTest entry.
# catch_discover_tests turns each name into a CMake list item and a Catch test
# spec: a ';' splits the name into two entries, and a leading '-' (an option),
# '~' (an exclusion) or space makes the spec match nothing. Either way CTest
# prints "No test cases matched" and counts the test as passed, so a test
# silently stops running. The names are the lines of --list-test-names-only.
#
# Usage: cmake -DTEST_EXECUTABLE=path/to/costsite_tests -P check_test_names.cmake
if(NOT TEST_EXECUTABLE OR NOT EXISTS "${TEST_EXECUTABLE}")
  message(FATAL_ERROR "check_test_names: no test executable '${TEST_EXECUTABLE}'")
endif()
execute_process(
  COMMAND "${TEST_EXECUTABLE}" --list-test-names-only
  OUTPUT_VARIABLE names
  RESULT_VARIABLE result)
# Catch's exit status here is the number of tests; only a crash is negative text.
if(NOT result MATCHES "^[0-9]+$")
  message(FATAL_ERROR "check_test_names: ${TEST_EXECUTABLE} failed: ${result}")
endif()

# Work on the raw text: turning it into a list would itself split at ';'.
string(REPLACE ";" "<semicolon>" names "${names}")
string(REPLACE "\n" ";" lines "${names}")
set(bad "")
foreach(line IN LISTS lines)
  if(line MATCHES "<semicolon>" OR line MATCHES "^[-~ ]" OR line MATCHES " $")
    string(REPLACE "<semicolon>" ";" line "${line}")
    string(APPEND bad "  ${line}\n")
  endif()
endforeach()
if(bad)
  message(FATAL_ERROR
    "check_test_names: these test names would not run under ctest "
    "(no ';', no leading '-', '~' or space, no trailing space):\n${bad}")
endif()
