# Whole-program checks on the default case (lead). With CB6r5 chemistry in every cell the default
# suite runs them on the same domain at 6 km (25x20x18): every process, emission and the chemistry
# are the same code; the full 3 km grid is checked under the "long" label.
set(AS_COARSE --set grid.resolution=6km)
add_test(NAME threads_identical COMMAND bash ${CMAKE_SOURCE_DIR}/tests/test_threads.sh $<TARGET_FILE:airshed> 2 ${AS_COARSE}
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME restart_identical COMMAND bash ${CMAKE_SOURCE_DIR}/tests/test_restart.sh $<TARGET_FILE:airshed> 2 ${AS_COARSE}
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME threads_identical_3km COMMAND bash ${CMAKE_SOURCE_DIR}/tests/test_threads.sh $<TARGET_FILE:airshed> 6
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(threads_identical_3km PROPERTIES LABELS long)
add_test(NAME cli_help COMMAND $<TARGET_FILE:airshed> --help)
add_test(NAME cli_version COMMAND $<TARGET_FILE:airshed> --version)
add_test(NAME run_period_resume COMMAND bash ${CMAKE_SOURCE_DIR}/tests/test_run_period.sh $<TARGET_FILE:airshed> ${AS_COARSE}
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(threads_identical restart_identical run_period_resume cli_help cli_version PROPERTIES LABELS default)
set_tests_properties(cli_version PROPERTIES PASS_REGULAR_EXPRESSION "airshed [0-9]+\\.[0-9]+\\.[0-9]+ \\(git [0-9a-f]+")
as_test(model_mass_periodic test_model_budget.c ARGS periodic tests/cases/periodic.yaml 2)
# open domain, every process on: chemistry + biogenic (budget closure), and without biogenic (the
# emitted mass is then compared with the inventory's own total as well)
add_test(NAME model_budget_open COMMAND model_mass_periodic open inputs/cases/wcs.yaml 2 grid.resolution=6km
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME model_budget_inventory COMMAND model_mass_periodic open inputs/cases/wcs.yaml 2
         grid.resolution=6km emissions.biogenic=off WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(model_budget_open model_budget_inventory PROPERTIES LABELS default)
# MDA8 post-processor (scripts/mda8.py) against a synthetic hourly file with known answers
add_test(NAME mda8_synthetic COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/test_mda8.py
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(mda8_synthetic PROPERTIES LABELS default)
