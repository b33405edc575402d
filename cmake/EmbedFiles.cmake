# Writes a C++ source holding each file under ROOT named in FILES as a string,
# so the default theme ships inside the binary. Run with cmake -P.
string(REPLACE "|" ";" FILES "${FILES}")
set(out "// Generated from templates/ at build time. Do not edit.\n")
string(APPEND out "#include \"load/embedded_theme.h\"\n\nnamespace costsite::load {\n")
string(APPEND out "const std::vector<EmbeddedFile>& EmbeddedTheme() {\n")
string(APPEND out "  static const std::vector<EmbeddedFile> files = {\n")
foreach(f ${FILES})
  file(READ ${ROOT}/${f} hex HEX)
  string(LENGTH "${hex}" n)
  math(EXPR len "${n} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  # Split into chunks so no single literal grows too long for compilers.
  string(REGEX REPLACE "((\\\\x[0-9a-f][0-9a-f]){64})" "\\1\"\n\"" escaped "${escaped}")
  string(APPEND out "    {\"${f}\", std::string_view(\"${escaped}\", ${len})},\n")
endforeach()
string(APPEND out "  };\n  return files;\n}\n\n}  // namespace costsite::load\n")
file(WRITE ${OUT}.tmp "${out}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
