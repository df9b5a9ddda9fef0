/* Unit tests for core/plan/deadline.c: deadlines as the plans write them. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/deadline.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

#define DATE		DEADLINE_DATE
#define CONT		DEADLINE_CONTINUOUS
#define RECUR		DEADLINE_RECURRING
#define MILES		DEADLINE_MILESTONES
#define COND		DEADLINE_CONDITIONAL
#define UNKNOWN		DEADLINE_UNKNOWN

static const struct {
	const char		*text;
	int			 plan_year;
	enum deadline_kind	 kind;
	const char		*due;		/* dd/mm/yyyy; NULL: none */
	enum recurrence		 recur;
	const char		*milestones;	/* "dd/mm/yyyy ..." or NULL */
} cases[] = {
	/* A month: its last day. */
	{ "Tháng 9/2026", 2025, DATE, "30/09/2026", RECUR_NONE, NULL },
	{ "tháng 9 năm 2026", 2026, DATE, "30/09/2026", RECUR_NONE, NULL },
	{ "Trong tháng 10", 2025, DATE, "31/10/2025", RECUR_NONE, NULL },
	{ "Tháng 02", 2026, DATE, "28/02/2026", RECUR_NONE, NULL },
	{ "tháng 2", 2028, DATE, "29/02/2028", RECUR_NONE, NULL },
	{ "Hoàn thành trong tháng 12-2026", 2026, DATE, "31/12/2026",
	    RECUR_NONE, NULL },
	/* A quarter: the last day of its last month. */
	{ "Quý III/2026", 2025, DATE, "30/09/2026", RECUR_NONE, NULL },
	{ "Quý 3 năm 2026", 2026, DATE, "30/09/2026", RECUR_NONE, NULL },
	{ "quý IV", 2025, DATE, "31/12/2025", RECUR_NONE, NULL },
	{ "QUÝ I", 2026, DATE, "31/03/2026", RECUR_NONE, NULL },
	{ "Quy II/2026", 2025, DATE, "30/06/2026", RECUR_NONE, NULL },
	{ "Quý 2/2026", 2026, DATE, "30/06/2026", RECUR_NONE, NULL },
	{ "trong quý tư", 2026, DATE, "31/12/2026", RECUR_NONE, NULL },
	/* Parts of the year. */
	{ "6 tháng đầu năm", 2026, DATE, "30/06/2026", RECUR_NONE, NULL },
	{ "6 tháng đầu năm 2025", 2026, DATE, "30/06/2025", RECUR_NONE,
	    NULL },
	{ "9 tháng đầu năm", 2025, DATE, "30/09/2025", RECUR_NONE, NULL },
	{ "Nửa đầu năm", 2026, DATE, "30/06/2026", RECUR_NONE, NULL },
	{ "Cuối năm 2026", 2025, DATE, "31/12/2026", RECUR_NONE, NULL },
	/* A day, "trước" or not, "ngày" or not. */
	{ "Trước ngày 30/7/2026", 2026, DATE, "30/07/2026", RECUR_NONE,
	    NULL },
	{ "trước 30/7", 2025, DATE, "30/07/2025", RECUR_NONE, NULL },
	{ "chậm nhất là ngày 15/8/2026", 2026, DATE, "15/08/2026",
	    RECUR_NONE, NULL },
	{ "ngày 15/8/2026", 2025, DATE, "15/08/2026", RECUR_NONE, NULL },
	{ "15/8/2026", 2026, DATE, "15/08/2026", RECUR_NONE, NULL },
	{ "15-8-2026", 2026, DATE, "15/08/2026", RECUR_NONE, NULL },
	{ "15.08.2026", 2026, DATE, "15/08/2026", RECUR_NONE, NULL },
	{ "2026-09-30", 2026, DATE, "30/09/2026", RECUR_NONE, NULL },
	{ "Trước ngày 15 tháng 8 năm 2026", 2025, DATE, "15/08/2026",
	    RECUR_NONE, NULL },
	{ "15 tháng 8", 2025, DATE, "15/08/2025", RECUR_NONE, NULL },
	{ "TRƯỚC NGÀY   30 / 7 / 2026.", 2026, DATE, "30/07/2026",
	    RECUR_NONE, NULL },
	{ "truoc ngay 30/7/2026", 2025, DATE, "30/07/2026", RECUR_NONE,
	    NULL },
	{ "Đến hết ngày 31/12/2025", 2026, DATE, "31/12/2025", RECUR_NONE,
	    NULL },
	{ "29/2", 2028, DATE, "29/02/2028", RECUR_NONE, NULL },
	{ "Tháng 10/2026 (sau khi có hướng dẫn của tỉnh)", 2026, DATE,
	    "31/10/2026", RECUR_NONE, NULL },
	{ "15/8/2026 và 15/8/2026", 2026, DATE, "15/08/2026", RECUR_NONE,
	    NULL },
	{ "từ tháng 7 đến tháng 9/2026", 2025, DATE, "30/09/2026",
	    RECUR_NONE, NULL },
	{ "Từ ngày 01/7/2026 đến ngày 15/9/2026", 2026, DATE, "15/09/2026",
	    RECUR_NONE, NULL },
	/* A dash between months is a span too, written tight or spaced
	 * ("Tháng 10-12/2026" was read as 10 December, walk-through). */
	{ "Tháng 10-12/2026", 2026, DATE, "31/12/2026", RECUR_NONE, NULL },
	{ "Tháng 7-8/2026", 2026, DATE, "31/08/2026", RECUR_NONE, NULL },
	{ "Tháng 11 - 12/2026", 2026, DATE, "31/12/2026", RECUR_NONE, NULL },
	{ "Ngày 10-12-2026", 2026, DATE, "10/12/2026", RECUR_NONE, NULL },
	/* All year long. */
	{ "Thường xuyên", 2026, CONT, "31/12/2026", RECUR_NONE, NULL },
	{ "Thường xuyên trong năm", 2025, CONT, "31/12/2025", RECUR_NONE,
	    NULL },
	{ "THƯỜNG XUYÊN", 2026, CONT, "31/12/2026", RECUR_NONE, NULL },
	{ "Trong năm 2026", 2025, CONT, "31/12/2026", RECUR_NONE, NULL },
	{ "Năm 2026", 2026, CONT, "31/12/2026", RECUR_NONE, NULL },
	{ "Năm 2025", 2026, CONT, "31/12/2025", RECUR_NONE, NULL },
	{ "cả năm", 2025, CONT, "31/12/2025", RECUR_NONE, NULL },
	{ "Hằng tuần", 2026, CONT, "31/12/2026", RECUR_NONE, NULL },
	{ "Theo dõi thường xuyên", 2026, CONT, "31/12/2026", RECUR_NONE,
	    NULL },
	{ "Từ tháng 7/2026", 2025, CONT, "31/12/2026", RECUR_NONE, NULL },
	{ "Thường xuyên; tổng kết trước 15/12/2026", 2026, CONT,
	    "15/12/2026", RECUR_NONE, NULL },
	/* Recurring: the most frequent period named. */
	{ "Định kỳ hằng tháng", 2026, RECUR, "31/12/2026", RECUR_MONTHLY,
	    NULL },
	{ "hằng quý", 2025, RECUR, "31/12/2025", RECUR_QUARTERLY, NULL },
	{ "hàng quý", 2026, RECUR, "31/12/2026", RECUR_QUARTERLY, NULL },
	{ "6 tháng, năm", 2026, RECUR, "31/12/2026", RECUR_HALF_YEARLY,
	    NULL },
	{ "định kỳ hằng năm", 2025, RECUR, "31/12/2025", RECUR_YEARLY,
	    NULL },
	{ "Định kỳ 6 tháng", 2026, RECUR, "31/12/2026", RECUR_HALF_YEARLY,
	    NULL },
	{ "dinh ky hang quy, 6 thang, hang nam hoac dot xuat theo yeu cau",
	    2026, RECUR, "31/12/2026", RECUR_QUARTERLY, NULL },
	{ "Tổng hợp, báo cáo định kỳ hàng quý, 6 tháng, 9 tháng, năm hoặc "
	    "khi có yêu cầu", 2025, RECUR, "31/12/2025", RECUR_QUARTERLY,
	    NULL },
	{ "Định kỳ", 2026, RECUR, "31/12/2026", RECUR_NONE, NULL },
	{ "Hằng quý năm 2026", 2025, RECUR, "31/12/2026", RECUR_QUARTERLY,
	    NULL },
	{ "Hằng tháng (trước ngày 20)", 2026, RECUR, "31/12/2026",
	    RECUR_MONTHLY, NULL },
	/* Waiting on an event. */
	{ "Theo kế hoạch của UBND tỉnh", 2026, COND, NULL, RECUR_NONE, NULL },
	{ "Sau 03 tháng kể từ khi có văn bản của Trung ương", 2026, COND,
	    NULL, RECUR_NONE, NULL },
	{ "Khi có hướng dẫn", 2025, COND, NULL, RECUR_NONE, NULL },
	{ "Theo chỉ đạo", 2026, COND, NULL, RECUR_NONE, NULL },
	{ "Chậm nhất sau 15 ngày kể từ ngày nhận được Kế hoạch này", 2025,
	    COND, NULL, RECUR_NONE, NULL },
	{ "Theo Kế hoạch số 184/KH-UBND ngày 07/7/2025 của UBND tỉnh", 2025,
	    COND, NULL, RECUR_NONE, NULL },
	{ "Theo Quyết định 2456/QĐ-UBND, ngày 16/11/2025", 2026, COND, NULL,
	    RECUR_NONE, NULL },
	{ "Sau 03 tháng kể từ ngày 15/8/2026", 2026, COND, NULL, RECUR_NONE,
	    NULL },
	{ "Đột xuất", 2026, COND, NULL, RECUR_NONE, NULL },
	/* Several dates in one cell. */
	{ "ban hành chậm nhất ngày 15/8, kiểm tra trong tháng 10, báo cáo "
	    "trong tháng 11", 2026, MILES, "30/11/2026", RECUR_NONE,
	    "15/08/2026 31/10/2026 30/11/2026" },
	{ "ban hành chậm nhất ngày 15/8, kiểm tra trong tháng 10, báo cáo "
	    "trong tháng 11", 2025, MILES, "30/11/2025", RECUR_NONE,
	    "15/08/2025 31/10/2025 30/11/2025" },
	{ "Quý III, IV/2026", 2025, MILES, "31/12/2026", RECUR_NONE,
	    "30/09/2026 31/12/2026" },
	{ "Quý I và II năm 2026", 2025, MILES, "30/06/2026", RECUR_NONE,
	    "31/03/2026 30/06/2026" },
	{ "tháng 10, 11 năm 2026", 2025, MILES, "30/11/2026", RECUR_NONE,
	    "31/10/2026 30/11/2026" },
	{ "Tháng 12/2026; tháng 6/2026", 2026, MILES, "31/12/2026",
	    RECUR_NONE, "30/06/2026 31/12/2026" },
	{ "Dự thảo trước 30/6/2025, trình ban hành tháng 12/2025", 2026,
	    MILES, "31/12/2025", RECUR_NONE, "30/06/2025 31/12/2025" },
	/* Nothing usable. */
	{ "31/02/2026", 2026, UNKNOWN, NULL, RECUR_NONE, NULL },
	{ "29/2", 2026, UNKNOWN, NULL, RECUR_NONE, NULL },
	{ "Tháng 13/2026", 2026, UNKNOWN, NULL, RECUR_NONE, NULL },
	{ "30/7/26", 2026, UNKNOWN, NULL, RECUR_NONE, NULL },
	{ "Chưa xác định", 2026, UNKNOWN, NULL, RECUR_NONE, NULL },
	{ "", 2026, UNKNOWN, NULL, RECUR_NONE, NULL },
	{ "   ", 2025, UNKNOWN, NULL, RECUR_NONE, NULL },
};

static const char *const kind_names[] = {
	"DATE", "CONTINUOUS", "RECURRING", "MILESTONES", "CONDITIONAL",
	"UNKNOWN"
};

static void
format_milestones(const struct deadline *dl, char *buf, size_t size)
{
	size_t	len = 0;
	int	i;

	buf[0] = '\0';
	for (i = 0; i < dl->n_milestones && len + 12 <= size; i++) {
		if (i > 0)
			buf[len++] = ' ';
		date_format_vn(dl->milestones[i], buf + len);
		len += strlen(buf + len);
	}
}

/* Deadlines as the appendices of commune plans write them (the 2025 and
 * 2026 plans of UBND xã and of a Sở, copied cell by cell, and the slips
 * seen when they are pasted), each with the reading expected for a plan
 * of 2025.  A doubt is a reading refused: kind UNKNOWN, no date. */
#define Q	DOUBT_QUARTER
#define M	DOUBT_MONTH
#define D	DOUBT_DAY
#define Y	DOUBT_YEAR
#define W	DOUBT_WORD
#define NO	DOUBT_NONE

static const struct {
	const char		*text;
	enum deadline_kind	 kind;
	const char		*due;		/* NULL: none */
	enum deadline_doubt	 doubt;
} real[] = {
	{ "Tháng 01/2025", DATE, "31/01/2025", NO },
	{ "Tháng 02/2025", DATE, "28/02/2025", NO },
	{ "Tháng 3/2025", DATE, "31/03/2025", NO },
	{ "Trong tháng 4/2025", DATE, "30/04/2025", NO },
	{ "Tháng 5 năm 2025", DATE, "31/05/2025", NO },
	{ "Trước ngày 15/5/2025", DATE, "15/05/2025", NO },
	{ "Trước ngày 30/6/2025", DATE, "30/06/2025", NO },
	{ "Trước 31/7/2025", DATE, "31/07/2025", NO },
	{ "Chậm nhất ngày 15/8/2025", DATE, "15/08/2025", NO },
	{ "Trước ngày 20/9/2025", DATE, "20/09/2025", NO },
	{ "Tháng 10/2025", DATE, "31/10/2025", NO },
	{ "Tháng 11/2025", DATE, "30/11/2025", NO },
	{ "Trước ngày 15/12/2025", DATE, "15/12/2025", NO },
	{ "Tháng 12", DATE, "31/12/2025", NO },
	{ "Quý I/2025", DATE, "31/03/2025", NO },
	{ "Quý II/2025", DATE, "30/06/2025", NO },
	{ "Quý III/2025", DATE, "30/09/2025", NO },
	{ "Quý IV/2025", DATE, "31/12/2025", NO },
	{ "Quý I năm 2025", DATE, "31/03/2025", NO },
	{ "Trong Quý II", DATE, "30/06/2025", NO },
	{ "Quý III", DATE, "30/09/2025", NO },
	{ "quý 4/2025", DATE, "31/12/2025", NO },
	{ "6 tháng đầu năm 2025", DATE, "30/06/2025", NO },
	{ "6 tháng cuối năm", DATE, "31/12/2025", NO },
	{ "Cuối năm 2025", DATE, "31/12/2025", NO },
	{ "Ngày 30/9/2025", DATE, "30/09/2025", NO },
	{ "30/11/2025", DATE, "30/11/2025", NO },
	{ "15/01/2026", DATE, "15/01/2026", NO },
	{ "Tháng 01/2026", DATE, "31/01/2026", NO },
	{ "Trước ngày 10 tháng 12 năm 2025", DATE, "10/12/2025", NO },
	{ "Hoàn thành trước 31/10/2025", DATE, "31/10/2025", NO },
	{ "Tháng 6/2025 (sơ kết), tháng 12/2025 (tổng kết)", MILES, "31/12/2025", NO },
	{ "Quý II, Quý IV/2025", MILES, "31/12/2025", NO },
	{ "Quý I, II, III, IV", MILES, "31/12/2025", NO },
	{ "Tháng 6 và tháng 12/2025", MILES, "31/12/2025", NO },
	{ "Trước 15/6/2025 và 15/12/2025", MILES, "15/12/2025", NO },
	{ "Xây dựng tháng 3, triển khai tháng 4 - 12/2025", MILES, "31/12/2025", NO },
	{ "Thường xuyên", CONT, "31/12/2025", NO },
	{ "Thường xuyên trong năm 2025", CONT, "31/12/2025", NO },
	{ "Thường xuyên, liên tục", CONT, "31/12/2025", NO },
	{ "Năm 2025", CONT, "31/12/2025", NO },
	{ "Trong năm 2025", CONT, "31/12/2025", NO },
	{ "Cả năm", CONT, "31/12/2025", NO },
	{ "Hằng ngày", CONT, "31/12/2025", NO },
	{ "Hàng tuần", CONT, "31/12/2025", NO },
	{ "Năm 2025 - 2026", CONT, "31/12/2026", NO },
	{ "Định kỳ hằng tháng", RECUR, "31/12/2025", NO },
	{ "Hằng quý", RECUR, "31/12/2025", NO },
	{ "Định kỳ hằng quý, 6 tháng, năm", RECUR, "31/12/2025", NO },
	{ "Hằng năm", RECUR, "31/12/2025", NO },
	{ "Định kỳ 6 tháng, năm", RECUR, "31/12/2025", NO },
	{ "Báo cáo quý, 6 tháng, 9 tháng, năm theo quy định", RECUR, "31/12/2025", NO },
	{ "Hằng tháng, trước ngày 25", RECUR, "31/12/2025", NO },
	{ "Mỗi quý 01 lần", RECUR, "31/12/2025", NO },
	{ "Theo kế hoạch của UBND tỉnh", COND, NULL, NO },
	{ "Theo chỉ đạo của UBND huyện", COND, NULL, NO },
	{ "Theo yêu cầu", COND, NULL, NO },
	{ "Khi có văn bản mới của cấp trên", COND, NULL, NO },
	{ "Khi có hướng dẫn của Sở Nội vụ", COND, NULL, NO },
	{ "Tùy tình hình thực tế", COND, NULL, NO },
	{ "Đột xuất", COND, NULL, NO },
	{ "Sau 15 ngày kể từ ngày Kế hoạch được ban hành", COND, NULL, NO },
	{ "Theo Kế hoạch số 12/KH-UBND ngày 15/01/2025 của UBND tỉnh", COND, NULL, NO },
	{ "Theo lộ trình của tỉnh", COND, NULL, NO },
	{ "Chưa xác định", UNKNOWN, NULL, NO },
	{ "UBND xã", UNKNOWN, NULL, NO },
	{ "Trung tâm PVHCC", UNKNOWN, NULL, NO },
	{ "", UNKNOWN, NULL, NO },
	/* Slips: refused, with the reason. */
	{ "Quý V/2025", UNKNOWN, NULL, Q },
	{ "Quý 5/2025", UNKNOWN, NULL, Q },
	{ "Quý 0", UNKNOWN, NULL, Q },
	{ "Quý VI", UNKNOWN, NULL, Q },
	{ "Tháng 13/2025", UNKNOWN, NULL, M },
	{ "Tháng 0/2025", UNKNOWN, NULL, M },
	{ "Trước ngày 15/13/2025", UNKNOWN, NULL, M },
	{ "31/02/2025", UNKNOWN, NULL, D },
	{ "Trước ngày 31/4/2025", UNKNOWN, NULL, D },
	{ "29/02/2025", UNKNOWN, NULL, D },
	{ "01/01/0000", UNKNOWN, NULL, Y },
	{ "Tháng 9/0000", UNKNOWN, NULL, Y },
	{ "30/7/25", UNKNOWN, NULL, Y },
	{ "Trước ngày 15/5/202", UNKNOWN, NULL, Y },
	{ "Qu? III/2025", UNKNOWN, NULL, W },
	{ "Th?ng 9/2025", UNKNOWN, NULL, W },
	{ "Qu\xef\xbf\xbd III/2025", UNKNOWN, NULL, W },
	{ "Quí III/2025", UNKNOWN, NULL, W },
	{ "III/2025", UNKNOWN, NULL, W },
};

START_TEST(test_real)
{
	struct deadline	 dl;
	char		 due[11];
	const char	*text = real[_i].text;

	ck_assert(deadline_parse(text, 2025, &dl));
	ck_assert_msg(dl.kind == real[_i].kind, "\"%s\": kind %s, want %s",
	    text, kind_names[dl.kind], kind_names[real[_i].kind]);
	ck_assert_msg(dl.doubt == real[_i].doubt, "\"%s\": doubt %d, want %d",
	    text, dl.doubt, real[_i].doubt);
	ck_assert_msg((*deadline_doubt_text(&dl) != '\0') == (dl.doubt != NO),
	    "\"%s\": doubt text", text);
	if (real[_i].due != NULL) {
		date_format_vn(dl.due, due);
		ck_assert_msg(strcmp(due, real[_i].due) == 0,
		    "\"%s\": due %s, want %s", text, due, real[_i].due);
	} else
		ck_assert_msg(dl.due.year == 0 && dl.n_milestones == 0,
		    "\"%s\": has a due date", text);
}
END_TEST

/* A date read in a year outside the plan's is told apart. */
START_TEST(test_outside)
{
	struct deadline	dl;

	ck_assert(deadline_parse("Tháng 9/2035", 2025, &dl));
	ck_assert(deadline_outside(&dl, 2025, 2025));
	ck_assert(deadline_outside(&dl, 2021, 2030));
	ck_assert(!deadline_outside(&dl, 2035, 2035));
	ck_assert(deadline_parse("Quý I/2025, quý II/2026", 2025, &dl));
	ck_assert(deadline_outside(&dl, 2025, 2025));
	ck_assert(!deadline_outside(&dl, 2025, 2026));
	ck_assert(deadline_parse("Theo kế hoạch", 2025, &dl));
	ck_assert(!deadline_outside(&dl, 2025, 2025));
}
END_TEST

START_TEST(test_parse)
{
	struct deadline	 dl;
	char		 due[11], ms[DEADLINE_MAX_MILESTONES * 11 + 1];
	const char	*text = cases[_i].text;

	ck_assert_msg(deadline_parse(text, cases[_i].plan_year, &dl),
	    "\"%s\": false", text);
	ck_assert_msg(dl.kind == cases[_i].kind, "\"%s\": kind %s, want %s",
	    text, kind_names[dl.kind], kind_names[cases[_i].kind]);
	ck_assert_msg(dl.recur == cases[_i].recur, "\"%s\": recur %d, want %d",
	    text, dl.recur, cases[_i].recur);
	if (cases[_i].due != NULL) {
		date_format_vn(dl.due, due);
		ck_assert_msg(strcmp(due, cases[_i].due) == 0,
		    "\"%s\": due %s, want %s", text, due, cases[_i].due);
	} else
		ck_assert_msg(dl.due.year == 0 && dl.due.month == 0 &&
		    dl.due.day == 0, "\"%s\": has a due date", text);
	format_milestones(&dl, ms, sizeof ms);
	ck_assert_msg(strcmp(ms, cases[_i].milestones != NULL ?
	    cases[_i].milestones : "") == 0, "\"%s\": milestones \"%s\"",
	    text, ms);
}
END_TEST

/* The same deadline, written with and without diacritics and in capitals,
 * reads the same. */
START_TEST(test_spellings)
{
	static const char *const spellings[] = {
		"Chậm nhất ngày 15/8/2026",
		"cham nhat ngay 15/8/2026",
		"CHẬM NHẤT NGÀY 15/8/2026",
		"  chậm   nhất,  ngày 15 / 08 / 2026 ;",
		/* Decomposed: base letters with combining marks. */
		"Cha\xcc\xa3\xcc\x82m nha\xcc\x82\xcc\x81t nga\xcc\x80y 15/8/2026",
	};
	struct deadline	dl;
	size_t		k;

	for (k = 0; k < NELEM(spellings); k++) {
		ck_assert(deadline_parse(spellings[k], 2025, &dl));
		ck_assert_msg(dl.kind == DEADLINE_DATE, "%s", spellings[k]);
		ck_assert_int_eq(dl.due.year, 2026);
		ck_assert_int_eq(dl.due.month, 8);
		ck_assert_int_eq(dl.due.day, 15);
	}
}
END_TEST

/* More dates than the struct holds: the first are kept, due is the last. */
START_TEST(test_many_milestones)
{
	struct deadline	dl;
	int		i;

	ck_assert(deadline_parse("tháng 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 năm 2026",
	    2025, &dl));
	ck_assert_int_eq(dl.kind, DEADLINE_MILESTONES);
	ck_assert_int_eq(dl.n_milestones, DEADLINE_MAX_MILESTONES);
	for (i = 0; i < DEADLINE_MAX_MILESTONES; i++) {
		ck_assert_int_eq(dl.milestones[i].year, 2026);
		ck_assert_int_eq(dl.milestones[i].month, i + 1);
		ck_assert_int_eq(dl.milestones[i].day,
		    date_days_in_month(2026, i + 1));
	}
	ck_assert_int_eq(dl.due.month, 10);
	ck_assert_int_eq(dl.due.day, 31);
}
END_TEST

START_TEST(test_bad_input)
{
	struct deadline	dl;

	memset(&dl, 0xff, sizeof dl);
	ck_assert(!deadline_parse(NULL, 2026, &dl));
	ck_assert_int_eq(dl.kind, DEADLINE_UNKNOWN);
	ck_assert_int_eq(dl.n_milestones, 0);
	ck_assert_int_eq(dl.due.year, 0);

	memset(&dl, 0xff, sizeof dl);
	ck_assert(!deadline_parse("Tháng 9/2026 \xff", 2026, &dl));
	ck_assert_int_eq(dl.kind, DEADLINE_UNKNOWN);
	ck_assert_int_eq(dl.due.year, 0);
}
END_TEST

/* A plan year of 0 (not known) leaves yearless dates undated. */
START_TEST(test_no_plan_year)
{
	struct deadline	dl;

	ck_assert(deadline_parse("Tháng 9", 0, &dl));
	ck_assert_int_eq(dl.kind, DEADLINE_UNKNOWN);
	ck_assert(deadline_parse("Tháng 9/2026", 0, &dl));
	ck_assert_int_eq(dl.kind, DEADLINE_DATE);
	ck_assert_int_eq(dl.due.year, 2026);
	ck_assert(deadline_parse("Thường xuyên", 0, &dl));
	ck_assert_int_eq(dl.kind, DEADLINE_CONTINUOUS);
	ck_assert_int_eq(dl.due.year, 0);
}
END_TEST

static Suite *
deadline_suite(void)
{
	Suite	*s = suite_create("deadline");
	TCase	*tc = tcase_create("parse");

	tcase_add_loop_test(tc, test_parse, 0, NELEM(cases));
	tcase_add_test(tc, test_spellings);
	tcase_add_test(tc, test_many_milestones);
	tcase_add_test(tc, test_bad_input);
	tcase_add_test(tc, test_no_plan_year);
	tcase_add_loop_test(tc, test_real, 0, NELEM(real));
	tcase_add_test(tc, test_outside);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(deadline_suite());
}
