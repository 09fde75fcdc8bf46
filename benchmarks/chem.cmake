# bench_chem: CB6r5 chemistry us per cell per 300 s step, ROS3/RODAS3 vs CVODE (dense and KLU) at equal accuracy, cold,
# warm and relaxed calls (JSON; docs/science.md, "Solver accuracy and cost, revisited").
# Not a ctest; run from the repository root: build-*/benchmarks/bench_chem [OUT.json]
add_executable(bench_chem ${CMAKE_CURRENT_SOURCE_DIR}/bench_chem.c ${CMAKE_CURRENT_SOURCE_DIR}/bench_chem_util.c
               ${CMAKE_SOURCE_DIR}/tests/chem_box_cases.c)
target_link_libraries(bench_chem PRIVATE airshed_core)
# bench_chem_model: the same comparison (cold and warm, equal accuracy) on cells of the default case's 3-D model
# at 4 h and 12 h (JSON; docs/benchmarks.md).
# Not a ctest; run from the repository root: build-*/benchmarks/bench_chem_model [--out F.json] [key=value ...]
add_executable(bench_chem_model ${CMAKE_CURRENT_SOURCE_DIR}/bench_chem_model.c ${CMAKE_CURRENT_SOURCE_DIR}/bench_chem_util.c)
target_link_libraries(bench_chem_model PRIVATE airshed_core)
