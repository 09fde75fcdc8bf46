# Configuration, species table and the bad-input corpus (area: config).
as_test(test_config test_config.c)
as_test(test_config_species test_config_species.c)
