# Thin wrapper over CMake: `make site` sets everything up and builds the example
# site; `make test` builds and runs the whole test suite.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: site test build deps test-deps configure clean
site: deps build
	./$(BUILD)/costsite build --source . --out site

test: deps test-deps
	cmake -S . -B $(BUILD) -DCOSTSITE_TESTS=ON >/dev/null
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

configure:
	cmake -S . -B $(BUILD) >/dev/null

deps:
	@sh scripts/install-deps.sh

# The quality gates' tools: chromium, clang, Java, npm packages (see docs/quality.md).
test-deps:
	@sh scripts/install-test-deps.sh

clean:
	rm -rf $(BUILD)
