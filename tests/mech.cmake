# Mechanism reader tests (mechanism helper): parse, rate constants, Jacobian, nitrogen, bad files.
as_test(test_mech_parse test_mech_parse.c)
as_test(test_mech_rates test_mech_rates.c)
as_test(test_mech_jac test_mech_jac.c)
as_test(test_mech_nitrogen test_mech_nitrogen.c)
as_test(test_mech_bad test_mech_bad.c)
