# Bulk cloud-water sulfate chemistry (solver/as_aqchem.c; docs/science-aerosol-aqchem.md).
foreach(t test_aqchem_conservation test_aqchem_ph test_aqchem_h2o2 test_aqchem_rate test_aqchem_errors)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${t}.c)
    as_test(${t} ${t}.c)
  endif()
endforeach()
