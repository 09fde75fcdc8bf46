# CB6r5 box tests (issue 4): Rosenbrock vs CVODE (rtol 1e-8), urban and rural, Jiangyin, July 2021.
as_test(test_chem_box test_chem_box.c chem_box_cases.c ARGS 1 2e-4)                     # 1 simulated day, ROS rtol 2e-4
as_test(test_chem_box_5d test_chem_box.c chem_box_cases.c ARGS 5 2e-4 LABELS long)       # 5 simulated days
