# Transport tests (vertical advection and diffusion, dry deposition, horizontal diffusion, puff).
as_test(test_vdiff test_vdiff.c)
as_test(test_vadv test_vadv.c)
as_test(test_drydep test_drydep.c)
