# The two commands of the README: `make run` and `make test`.
BUILD := build/release
AMITY := $(BUILD)/src/cli/amity
DB ?= var/amity.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)

.PHONY: run test fuzz build deps deb bench format clean

run: build
	@mkdir -p $(dir $(DB))
	@test -f $(DB) || $(AMITY) demo --db $(DB)
	$(AMITY) serve --db $(DB) --listen $(LISTEN)

test: build
	ctest --preset release --output-on-failure -j$(JOBS)
	./tests/fuzz/run.sh

# libFuzzer targets in build/fuzz (clang, ASan+UBSan), FUZZ_SECONDS (default 60) each.
fuzz: deps
	./tests/fuzz/run.sh

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j$(JOBS)

# The Debian package: $(BUILD)/amity_<version>_amd64.deb (see packaging/).
deb: build
	cd $(BUILD) && cpack -G DEB

deps:
	@./scripts/install-deps.sh

bench: build
	AMITY_BENCH_DEPS=1 ./scripts/install-deps.sh
	./bench/run.sh

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h')

clean:
	rm -rf build
