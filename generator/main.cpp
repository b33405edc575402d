// costsite: parses the command line, runs the command, returns its exit code.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return costsite::app::RunCli(args, std::cout, std::cerr);
  } catch (const std::exception& e) {  // a bug, never an input problem
    std::cerr << "costsite: internal error: " << e.what() << "\n";
    return 3;
  }
}
