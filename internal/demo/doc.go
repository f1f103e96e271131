// Package demo holds the sample study that "sociogram demo", the examples
// and the README use. The study is SYNTHETIC: no real person is described.
// It is drawn by a seeded generator (Generate, with Seed) shaped after the
// design of the Connecting People study, not after its data.
//
// # The story
//
// Forty people supported by a mental health service (P01–P40) were
// interviewed twice: before (wave 1) and after (wave 2) an intervention in
// the spirit of Connecting People (Webber et al. 2015, 2019), in which a
// worker and the person map the person's network together, set goals and
// build connections — joining a group, getting to know neighbours, renewing
// a friendship. About seven in ten people engage with it; their networks
// tend to grow slightly and gain bridging ties (groups, neighbours, new
// friends), while the others drift: a contact or two lost, one gained.
//
//   - Webber, M., Reidy, H., Ansari, D., Stevens, M. & Morris, D. (2015).
//     Enhancing social networks: a qualitative study of health and social
//     care practice in UK mental health services. Health & Social Care in
//     the Community 23(2):180–189. doi:10.1111/hsc.12135.
//   - Webber, M., Morris, D., Howarth, S., Fendt-Newlin, M., Treacy, S. &
//     McCrone, P. (2019). Effect of the Connecting People intervention on
//     social capital: a pilot study. Research on Social Work Practice
//     29(5):483–494. doi:10.1177/1049731517753685.
//
// # The tables
//
// The study is three CSV tables in the ego CSV layout (egor "threefiles"),
// read with Options (wave column "wave"). Instruments:
//
//   - Webber, M. P. & Huxley, P. J. (2007). Measuring access to social
//     capital: the validity and reliability of the Resource Generator-UK
//     and its association with common mental disorder. Social Science &
//     Medicine 65(3):481–492. doi:10.1016/j.socscimed.2007.03.030.
//   - Lubben, J., Blozik, E., Gillmann, G., Iliffe, S., von Renteln Kruse,
//     W., Beck, J. C. & Stuck, A. E. (2006). Performance of an abbreviated
//     version of the Lubben Social Network Scale among three European
//     community-dwelling older adult populations. The Gerontologist
//     46(4):503–513. doi:10.1093/geront/46.4.503.
//
// The columns:
//
//   - egos.csv: egoID, wave (1 or 2), sex (F/M), age (years), agency (the
//     service that supports the person: third_sector, a voluntary or
//     community organisation, or statutory, an NHS or local-authority team;
//     people who engage with the intervention are more often with a
//     third-sector agency, 0.6 against 0.3), rg01–rg27 (the
//     27 Resource Generator-UK items, 1 = knows someone who could provide
//     the resource; Webber & Huxley 2007), lsns1–lsns6 (the Lubben Social
//     Network Scale LSNS-6 items, 0–5; Lubben et al. 2006).
//   - alters.csv: egoID, wave, alterID, sex, age_group (18-29, 30-44, 45-64,
//     65+), role (family, friend, neighbour, professional, group — a member
//     of a group or activity the person attends), ring (closeness, 1 inner
//     to 3 outer, as on a network map), contact (daily, weekly, monthly,
//     less).
//   - aaties.csv: egoID, wave, Source, Target — who among the alters knows
//     whom, as the person reported it.
//
// A fourth file, rules.json, classifies each alter's tie as bonding (family,
// friend), bridging (neighbour, group) or linking (professional) for the
// social-capital measures (see measures.Rules and Rules).
//
// A fifth, goals.csv, holds each person's two or three goals set with the
// worker at wave 1 (Goal Attainment Scaling, analysis.ReadGoals): "join a
// group" (count(role=group) >= 1) or "build bridging ties"
// (bridging:change >= 0 1 2 3), for about half "meet new people"
// (size:change >= 0 1 2 3), all evaluated from the data at wave 2, and one
// goal whose level the worker recorded (level:1, level:2), "get back in
// touch with family" or "feel confident going out"; P31's recorded goal
// was not scored at wave 2 (see Goals).
//
// An alter kept between waves has the same alterID at both. Awkward cases
// are there on purpose: P07 names nobody at wave 1 and two group members at
// wave 2; P13 names one person (a relative) at both waves; P31 names two
// people at wave 1 and nobody at wave 2; a few rings and alter sexes, P19's
// age and one of P26's Resource Generator answers are missing (NA).
//
// The committed files are the output of Generate(Seed); a test checks that
// they still are. Regenerate them with "go generate ./internal/demo".
package demo
