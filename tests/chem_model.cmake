# Chemistry inside the 3-D model (lead): nitrogen conservation per step in every cell, the "chem"
# budget term, positivity. Default case at 6 km after 2 h of spin-up with every process.
as_test(chem_model_nitrogen test_chem_model.c ARGS inputs/cases/wcs.yaml 1 3 grid.resolution=6km)
