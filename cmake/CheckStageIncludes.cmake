# Fails when a stage's source includes a header of a stage it does not link
# (a backwards include, say cost/ including render/): every stage sees all
# of generator/ as its include root, so the compiler alone would not notice.
#   cmake -DROOT=<generator dir> -DSTAGE=<name> "-DALLOWED=a|b" -DSTAGES="x|y|..." [-DSTAMP=file] -P this
# ALLOWED: the stages STAGE may include (itself and what it links, directly or
# not); STAGES: every stage folder, so "vendor/x.h" and <system> headers pass.
cmake_minimum_required(VERSION 3.18)  # IN_LIST in script mode
get_filename_component(ROOT "${ROOT}" ABSOLUTE)
string(REPLACE "|" ";" allowed "${ALLOWED}")
string(REPLACE "|" ";" stages "${STAGES}")
string(REPLACE "|" ", " allowed_shown "${ALLOWED}")
file(GLOB files ${ROOT}/${STAGE}/*.cpp ${ROOT}/${STAGE}/*.h)
set(bad "")
foreach(f ${files})
  file(STRINGS ${f} lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"/]+/")
  foreach(line ${lines})
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"/]+)/.*" "\\1" dir "${line}")
    if(dir IN_LIST stages AND NOT dir IN_LIST allowed)
      file(RELATIVE_PATH rel ${ROOT} ${f})
      string(STRIP "${line}" line)
      string(APPEND bad "generator/${rel}: error: ${line}: stage '${STAGE}' may not include '${dir}/' "
                        "(it links only: ${allowed_shown})\n")
    endif()
  endforeach()
endforeach()
if(bad)
  message(NOTICE "${bad}")  # unwrapped, one line per include
  message(FATAL_ERROR "an include points against the stage order (generator/CMakeLists.txt)")
endif()
if(STAMP)
  file(WRITE ${STAMP} "")
endif()
