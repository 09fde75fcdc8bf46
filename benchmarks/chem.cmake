# bench_chem: CB6r5 chemistry us per cell per 300 s step, ROS3/RODAS3 vs CVODE (dense and KLU) at equal accuracy, cold,
# warm and relaxed calls (JSON; docs/science-chemsolver-b.md).
# Not a ctest; run from the repository root: build-*/benchmarks/bench_chem [OUT.json]
add_executable(bench_chem ${CMAKE_CURRENT_SOURCE_DIR}/bench_chem.c ${CMAKE_SOURCE_DIR}/tests/chem_box_cases.c)
target_link_libraries(bench_chem PRIVATE airshed_core)
