# bench_transport: horizontal advection and transport step vs STREAM triad and FMA peak (JSON).
# Not a ctest; run from the repository root: build-*/benchmarks/bench_transport [OUT.json] [NSPEC]
add_executable(bench_transport ${CMAKE_CURRENT_SOURCE_DIR}/bench_transport.c
               ${CMAKE_CURRENT_SOURCE_DIR}/bench_machine.c ${CMAKE_SOURCE_DIR}/tests/adv_harness.c)
target_include_directories(bench_transport PRIVATE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(bench_transport PRIVATE airshed_core)
# the full transport step needs the model and the other transport processes
if(EXISTS ${CMAKE_SOURCE_DIR}/solver/as_model.c AND EXISTS ${CMAKE_SOURCE_DIR}/solver/as_vadv.c
   AND EXISTS ${CMAKE_SOURCE_DIR}/solver/as_vdiff.c AND EXISTS ${CMAKE_SOURCE_DIR}/solver/as_hdiff.c)
  target_compile_definitions(bench_transport PRIVATE AS_BENCH_FULL_MODEL=1)
endif()
