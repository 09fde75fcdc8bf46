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
# the acceptance check on the default case: a 2-hour run's NetCDF passes scripts/check_cf.sh
# (skipped, exit 77, while inputs/cases/wcs.yaml does not exist). With CB6r5 in every cell the run is
# on the same domain at 6 km (the same variables and attributes as at 3 km, a quarter of the cost).
add_test(NAME check_cf_default_case COMMAND bash -c
         "test -f inputs/cases/wcs.yaml || { echo 'SKIP: no inputs/cases/wcs.yaml'; exit 77; }; \
d=$(mktemp -d) && trap 'rm -rf \"$d\"' EXIT && \
\"$0\" run inputs/cases/wcs.yaml --hours 2 --set grid.resolution=6km --output \"$d\" > \"$d.log\" 2>&1 || { tail -3 \"$d.log\"; rm -f \"$d.log\"; exit 1; }; \
rm -f \"$d.log\"; bash scripts/check_cf.sh \"$d\"/*.nc"
         $<TARGET_FILE:airshed> WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(check_cf_default_case PROPERTIES SKIP_RETURN_CODE 77 LABELS default)
