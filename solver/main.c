/* main.c — placeholder until the CLI lands (lead). */
#include <stdio.h>
int main(void) { puts("airshed: under construction"); return 0; }
