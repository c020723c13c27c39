/* fo_dump.h — the area tree as stable text (see fo_dump.c for the format). */
#ifndef CG_FO_DUMP_H
#define CG_FO_DUMP_H

#include <stdio.h>
#include "fo_page.h"

void cg_dump_page(FILE *f, const cg_page *pg, cg_layout *L);

#endif
