# Wet deposition: the process "wet_deposition" (solver/as_process_wetdep.c) and the diagnostic
# meteorology's cloud water (inputs/as_met_diagnostic.c); docs/science-wetdep.md.
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/test_wetdep_process.c)
  add_executable(test_wetdep_process test_wetdep_process.c)
  target_link_libraries(test_wetdep_process PRIVATE airshed_core)
  foreach(mode closure norain analytic soluble threads)
    add_test(NAME wetdep_${mode} COMMAND test_wetdep_process ${mode} tests/cases/wetdep.yaml
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties(wetdep_${mode} PROPERTIES LABELS default)
  endforeach()
endif()
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/test_wetdep_cloud.c)
  as_test(test_wetdep_cloud test_wetdep_cloud.c test_met_util.c)
endif()
