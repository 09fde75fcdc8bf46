# Surface meteorology in the output (output.met): NetCDF fields and receptor columns are the hourly
# means of the met state; without the key nothing else changes. The met file it keeps must pass
# scripts/check_cf.sh.
as_test(test_output_met test_output_met.c ARGS ${CMAKE_BINARY_DIR}/test_output_met_files)
set_tests_properties(test_output_met PROPERTIES FIXTURES_SETUP met_cf_file)
add_test(NAME check_cf_output_met COMMAND bash ${CMAKE_SOURCE_DIR}/scripts/check_cf.sh
         ${CMAKE_BINARY_DIR}/test_output_met_files/met/out/small_2021010100.nc
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(check_cf_output_met PROPERTIES FIXTURES_REQUIRED met_cf_file LABELS default)
