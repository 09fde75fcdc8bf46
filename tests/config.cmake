# Configuration, species table and the bad-input corpus (area: config).
as_test(test_config test_config.c)
as_test(test_config_species test_config_species.c)
# The bad-input corpus: every case must give one stderr line, an error status and no output.
add_test(NAME bad_inputs COMMAND bash ${CMAKE_SOURCE_DIR}/tests/bad_inputs/run.sh $<TARGET_FILE:airshed>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(bad_inputs PROPERTIES LABELS default)
