# Whole-program checks on the default case (lead).
add_test(NAME threads_identical COMMAND bash ${CMAKE_SOURCE_DIR}/tests/test_threads.sh $<TARGET_FILE:airshed> 6
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME restart_identical COMMAND bash ${CMAKE_SOURCE_DIR}/tests/test_restart.sh $<TARGET_FILE:airshed>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME cli_help COMMAND $<TARGET_FILE:airshed> --help)
add_test(NAME cli_version COMMAND $<TARGET_FILE:airshed> --version)
set_tests_properties(threads_identical restart_identical cli_help cli_version PROPERTIES LABELS default)
set_tests_properties(cli_version PROPERTIES PASS_REGULAR_EXPRESSION "airshed [0-9]+\\.[0-9]+\\.[0-9]+ \\(git [0-9a-f]+")
as_test(model_mass_periodic test_model_budget.c ARGS periodic tests/cases/periodic.yaml 2)
add_test(NAME model_budget_open COMMAND model_mass_periodic open inputs/cases/wcs.yaml 3
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(model_budget_open PROPERTIES LABELS default)
