# bench_aero: the aerosol process us per cell-step next to the chemistry's, same state, same run (JSON;
# docs/benchmarks.md). Not a ctest; run from the repository root: build-*/benchmarks/bench_aero [--out F.json]
add_executable(bench_aero ${CMAKE_CURRENT_SOURCE_DIR}/bench_aero.c)
target_link_libraries(bench_aero PRIVATE airshed_core)
