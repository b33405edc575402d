#include <cstdio>
int main() { std::puts("costsite"); return 0; }
