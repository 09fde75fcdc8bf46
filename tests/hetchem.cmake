# Heterogeneous N2O5 uptake on the fine aerosol (solver/as_hetchem.c); docs/science-hetchem.md.
as_test(test_hetchem test_hetchem.c)
