# Photolysis: MCM clear-sky J vs zenith (issue 4 acceptance), solar position, cloud factor, bad input.
as_test(test_photolysis_table test_photolysis_table.c)
as_test(test_photolysis_sun test_photolysis_sun.c)
as_test(test_photolysis_cloud test_photolysis_cloud.c)
as_test(test_photolysis_badinput test_photolysis_badinput.c)
