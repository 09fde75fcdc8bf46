# Grid, CF output, receptors, budget file and checkpoint tests (grid/output helper).
as_test(test_grid test_grid.c)
as_test(test_output test_output.c)
# the CF checker on a file written by test_output (kept in the build directory)
add_test(NAME output_files COMMAND test_output ${CMAKE_BINARY_DIR}/test_output_files
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME check_cf_output COMMAND bash ${CMAKE_SOURCE_DIR}/scripts/check_cf.sh
         ${CMAKE_BINARY_DIR}/test_output_files/out/small_2021010100.nc
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(output_files PROPERTIES FIXTURES_SETUP cf_file LABELS default)
set_tests_properties(check_cf_output PROPERTIES FIXTURES_REQUIRED cf_file LABELS default)
