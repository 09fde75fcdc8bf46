# Horizontal advection tests (solver/as_ppm.c through tests/adv_harness.c; see docs/science-advection.md).
set(AS_ADV_HARNESS ${CMAKE_CURRENT_SOURCE_DIR}/adv_harness.c)
as_test(test_adv_order_translation test_adv_order.c ${AS_ADV_HARNESS} ARGS translation)
as_test(test_adv_order_rotation test_adv_order.c ${AS_ADV_HARNESS} ARGS rotation)
foreach(t IN ITEMS test_adv_order_translation test_adv_order_rotation)
  target_include_directories(${t} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
endforeach()
