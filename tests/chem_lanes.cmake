# Multi-cell Rosenbrock (solver/as_rosenbrock_lanes.c, chemistry.solver ros3v) in the 3-D model: the
# default case at 6 km for 1 h gives the same output bits as ros3 (test_ros_lanes checks the solver alone).
add_test(NAME ros3v_identical COMMAND bash ${CMAKE_SOURCE_DIR}/tests/test_ros3v_model.sh $<TARGET_FILE:airshed> 1
         --set grid.resolution=6km WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(ros3v_identical PROPERTIES LABELS default)
