# Organic aerosol partitioning (solver/as_soa.c) and, when present, particle dry deposition
# (solver/as_pdep.c) and below-cloud scavenging (solver/as_wetdep.c); docs/science-aerosol-soa-removal.md.
foreach(t test_soa_conservation test_soa_limits test_soa_odum test_soa_temperature test_soa_errors
          test_pdep test_wetdep)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${t}.c)
    as_test(${t} ${t}.c)
  endif()
endforeach()
