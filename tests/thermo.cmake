# Inorganic aerosol thermodynamics (solver/as_thermo*.c; docs/science-aerosol-thermo.md).
foreach(t test_thermo_reference test_thermo_conservation test_thermo_limits test_thermo_errors)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${t}.c)
    as_test(${t} ${t}.c)
  endif()
endforeach()
as_test(test_thermo_stalled test_thermo_stalled.c)
# against ISORROPIA II run stand-alone outside the project (reference values in the file)
as_test(test_thermo_isorropia test_thermo_isorropia.c)
