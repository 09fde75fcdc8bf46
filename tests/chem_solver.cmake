# Stiff chemistry solvers: Rosenbrock (ROS3/RODAS3, sparse LU) against CVODE and known solutions.
as_test(test_ros_robertson test_ros_robertson.c)
as_test(test_ros_leighton test_ros_leighton.c)
as_test(test_ros_order test_ros_order.c)
as_test(test_ros_sparse_lu test_ros_sparse_lu.c)
as_test(test_ros_errors test_ros_errors.c)
as_test(test_ros_threads test_ros_threads.c)
as_test(test_ros_noalloc test_ros_noalloc.c)
as_test(test_ros_norm test_ros_norm.c)
as_test(test_ros_lanes test_ros_lanes.c chem_box_cases.c) # multi-cell ROS3 bit-identical per cell to ROS3
