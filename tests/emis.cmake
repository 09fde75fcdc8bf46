# Emission tests (emissions helper). Each is a small program printing what it found.
foreach(t test_emis_total test_emis_plume test_emis_inputs)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${t}.c)
    as_test(${t} ${t}.c test_emis_util.c)
  endif()
endforeach()
