# Biogenic isoprene/monoterpene emissions (inputs/as_emis_biogenic.c; docs/science-biogenic.md).
as_test(test_biogenic test_biogenic.c test_met_util.c)
