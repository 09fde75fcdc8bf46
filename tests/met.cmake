# meteorology tests (inputs/as_met*.c, grids/as_poisson.c)
as_test(test_met_poisson test_met_poisson.c)
as_test(test_met_idealized test_met_idealized.c test_met_util.c)
as_test(test_met_divergence test_met_divergence.c test_met_util.c)
as_test(test_met_diagnostic test_met_diagnostic.c test_met_util.c)
as_test(test_met_badinput test_met_badinput.c test_met_util.c)
# the wrfout test files are written by the project's own script (fixture), then read by the C test
set(AS_WRF_DIR ${CMAKE_CURRENT_BINARY_DIR}/met_wrf)
add_test(NAME met_make_wrfout
         COMMAND sh -c "mkdir -p '${AS_WRF_DIR}' && /usr/bin/python3 scripts/make_wrfout.py '${AS_WRF_DIR}/wrfout_d01_2021-07-20_00:00:00' && /usr/bin/python3 scripts/make_wrfout.py --drop PBLH '${AS_WRF_DIR}/wrfout_d01_nopblh.nc' && /usr/bin/python3 scripts/make_wrfout.py --shift-km 200 '${AS_WRF_DIR}/wrfout_d01_far.nc'"
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(met_make_wrfout PROPERTIES FIXTURES_SETUP met_wrfout LABELS default)
as_test(test_met_wrf test_met_wrf.c test_met_util.c
        ARGS ${AS_WRF_DIR}/wrfout_d01_2021-07-20_00:00:00 ${AS_WRF_DIR}/wrfout_d01_nopblh.nc
             ${AS_WRF_DIR}/wrfout_d01_far.nc)
set_tests_properties(test_met_wrf PROPERTIES FIXTURES_REQUIRED met_wrfout)
