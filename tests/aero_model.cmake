# The aerosol process inside the 3-D model (lead), and the non-finite check after every process: S and N atoms conserved per cell and step through
# cloud chemistry and gas-particle equilibrium, the "chem" budget term, positivity, counters reset,
# SOA made within the yield bounds. Default case at 6 km after 1 h of spin-up (1 January: cloud
# water present) with every process.
as_test(aero_model_conservation test_aero_model.c ARGS inputs/cases/wcs.yaml 1 3 grid.resolution=6km)
as_test(model_nan_stops test_model_nan.c ARGS tests/cases/periodic.yaml)
