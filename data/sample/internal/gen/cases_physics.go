package main

import "partneryste/data"

// casePhoneSensors has the sample's longest section (Activities, over 6,000
// characters), so that the editor and the PDF meet a realistic long text.
func casePhoneSensors() practiceCase {
	return practiceCase{
		ID:    "sample-case-03",
		Title: "Judėjimo tyrimas išmaniojo telefono jutikliais",
		Authors: []data.Author{
			{Name: "Dainius Žilvitis", School: "Klaipėdos Kopų gimnazija", Role: "Fizikos mokytojas metodininkas"},
			{Name: "Eglė Ūsaitė", School: "Klaipėdos Kopų gimnazija", Role: "Informatikos mokytoja"},
		},
		Subject:  "Fizika",
		Levels:   []data.EducationLevel{data.LevelBasic},
		Grades:   "9–10 kl. (I–II gimn. kl.)",
		Keywords: []string{"kinematika", "pagreitis", "išmanusis telefonas", "jutikliai", "duomenų analizė", "laboratorinis darbas"},
		Summary: paragraphs(
			"Kiekvienas mokinys kišenėje nešiojasi laboratoriją: išmaniajame telefone yra pagreičio, giroskopo, magnetinio lauko, šviesos ir slėgio jutikliai. Šiame apraše dalijamės, kaip per penkias pamokas I–II gimnazijos klasių mokiniai, naudodami nemokamą programėlę, ištyrė tolyginį ir tolygiai greitėjantį judėjimą, laisvąjį kritimą ir švytuoklės svyravimus.",
			"Mokiniai patys planavo bandymus, rinko duomenis telefonais, perkėlė juos į skaičiuoklę, braižė grafikus ir iš jų apskaičiavo fizikinius dydžius. Svarbiausia, ką jie išmoko, – skaityti grafiką kaip judėjimo istoriją ir įvertinti matavimo paklaidas.",
			"Darbai suplanuoti taip, kad juos būtų galima atlikti įprastoje klasėje ir mokyklos koridoriuje. Mokiniams, neturintiems tinkamo telefono, mokykla paskolino tris planšetes, o grupėse visada buvo bent vienas veikiantis įrenginys.",
		),
		Goals: paragraphs(
			"Tikslas – kad mokiniai suprastų kinematikos sąvokas per savo pačių surinktus duomenis ir išmoktų susieti judėjimą, jo grafiką ir formulę.",
			"Uždaviniai: išmokyti mokinius pasirinkti tinkamą jutiklį ir matavimo dažnį; užrašyti ir eksportuoti duomenis; skaičiuoklėje nubraižyti greičio ir pagreičio priklausomybės nuo laiko grafikus; iš grafiko nustatyti pagreitį, svyravimų periodą ir laisvojo kritimo pagreitį; aptarti, kodėl gauti rezultatai skiriasi nuo vadovėlyje pateiktų.",
			"Taip pat siekėme, kad mokiniai telefoną pradėtų vertinti kaip mokymosi priemonę, o ne tik kaip pramogą ar trukdį, ir kad susitarimai dėl jo naudojimo pamokoje būtų aiškūs visiems.",
			"Informatikos pamokose tikslas buvo kitas, bet susijęs: išmokti tvarkyti realius, netobulus duomenis – pašalinti triukšmą, apkarpyti pradžią ir pabaigą, sujungti kelis matavimus į vieną lentelę.",
		),
		Activities: paragraphs(
			"Ciklą sudarė penkios fizikos pamokos ir dvi informatikos pamokos, išdėstytos per tris savaites. Prieš pradėdami su mokiniais susitarėme dėl telefonų naudojimo taisyklių: telefonas guli ekranu žemyn, kol jo neprireikia bandymui, programėlė įdiegiama iš anksto namuose, o nuotraukos ir vaizdo įrašai daromi tik su bendraklasių sutikimu. Šios taisyklės kabėjo ant lentos visą ciklą, ir jų beveik nereikėjo priminti.",
			"Pirmoji pamoka – pažintis su jutikliais. Mokiniai atsivertė programėlės jutiklių sąrašą ir grupėse aiškinosi, kokius dydžius telefonas gali išmatuoti. Kiekviena grupė atliko po tris trumpus bandymus: padėjo telefoną ant stalo ir stebėjo pagreičio jutiklio rodmenis, lėtai pasuko jį aplink ašį ir pažiūrėjo, kaip keičiasi giroskopo kreivė, priartino prie jo magnetą. Svarbiausias pamokos atradimas buvo netikėtas: ramiai gulinčio telefono pagreičio jutiklis rodo ne nulį, o apie 9,8 m/s². Diskusija apie tai, kodėl taip yra, užtruko beveik pusę pamokos, ir mes jos sąmoningai nestabdėme, nes būtent ji parengė dirvą laisvojo kritimo temai. Pamokos pabaigoje kiekvienas mokinys užrašė vieną klausimą, kurį norėtų ištirti telefonu.",
			"Antrojoje pamokoje tyrėme tolygiai greitėjantį judėjimą. Telefoną pritvirtinome lipnia juosta prie laboratorinio vežimėlio, kuris riedėjo nuožulnia lenta. Grupės keitė lentos polinkio kampą (pakišdamos po ja vieną, dvi arba tris knygas) ir kiekvienam kampui atliko po tris matavimus. Mokiniai greitai pastebėjo, kad pagreičio grafikas nėra lygi linija: jame matyti vežimėlio ratukų drebėjimas ir stiprus šuolis pradžioje, kai vežimėlis paleidžiamas, bei pabaigoje, kai jis atsitrenkia į sustabdymo trinkelę. Kartu aptarėme, kurią grafiko dalį laikyti tikruoju judėjimu, ir susitarėme, kad kiekviena grupė pasižymės judėjimo pradžios ir pabaigos laiką. Pamokos pabaigoje grupės palygino savo rezultatus ir pastebėjo dėsningumą: didesnis polinkis – didesnis pagreitis. Kai kurios grupės pačios pasiūlė patikrinti, ar priklausomybė tiesinė, ir tai tapo namų darbu.",
			"Trečioji pamoka buvo skirta laisvajam kritimui. Saugumo sumetimais telefonų nemėtėme: mokiniai telefoną laikė rankoje ir staigiai nuleido ranką žemyn, o vėliau telefoną, įdėtą į minkštą dėklą, numetė ant storo čiužinio sporto salėje iš maždaug vieno metro aukščio. Pagreičio jutiklio grafike kritimo metu matyti, kaip rodmenys nukrenta beveik iki nulio, – tai nesvarumo būsena, kurią mokiniai iki tol žinojo tik iš vaizdo įrašų apie kosmonautus. Iš kritimo trukmės ir aukščio jie apskaičiavo laisvojo kritimo pagreitį. Rezultatai svyravo nuo 8,6 iki 10,4 m/s², todėl pamokos pabaigoje grupės aiškinosi, kurie veiksniai labiausiai lėmė paklaidą: aukščio matavimo tikslumas, reakcijos laikas ar oro pasipriešinimas.",
			"Ketvirtojoje pamokoje mokiniai tyrė švytuoklę. Telefoną pakabinome ant dviejų virvelių, kad jis svyruotų vienoje plokštumoje ir nesisuktų, ir giroskopu matavome kampinį greitį. Kiekviena grupė keitė virvelės ilgį (40, 60, 80 ir 100 cm) ir iš grafiko nustatė svyravimų periodą, skaičiuodama kelis pilnus svyravimus ir dalydama iš jų skaičiaus. Paskui mokiniai skaičiuoklėje nubraižė periodo kvadrato priklausomybę nuo ilgio ir įsitikino, kad taškai išsidėsto beveik tiesėje. Iš tiesės krypties koeficiento stipresnės grupės vėl apskaičiavo laisvojo kritimo pagreitį ir gavo daug tikslesnį rezultatą nei trečiojoje pamokoje. Šis palyginimas parodė, kad tą patį dydį galima išmatuoti skirtingais būdais ir kad ne visi būdai vienodai patikimi.",
			"Informatikos pamokose mokiniai dirbo su tais pačiais duomenimis, kuriuos surinko fizikos pamokose. Pirmojoje jie mokėsi eksportuoti duomenis CSV formatu, atsidaryti juos skaičiuoklėje, pasirūpinti dešimtainiu skyrikliu (telefonas taško vietoje kablelio ne visada naudoja tą patį ženklą kaip skaičiuoklė) ir apkarpyti nereikalingą pradžią bei pabaigą. Antrojoje pamokoje mokiniai skaičiavo slankųjį vidurkį, kad išlygintų triukšmą, ir lygino, kaip keičiasi grafikas, kai vidurkinama per 5, 15 ar 50 matavimų. Jie patys padarė išvadą, kad per didelis lyginimas paslepia svarbius judėjimo pokyčius, pavyzdžiui, vežimėlio susidūrimą su trinkele.",
			"Penktoji pamoka buvo skirta rezultatų pristatymui. Kiekviena grupė parengė vieno puslapio mokslinio plakato tipo ataskaitą: tyrimo klausimas, bandymo schema, vienas svarbiausias grafikas, apskaičiuoti dydžiai su paklaidomis ir išvados. Grupės pristatė ataskaitas „galerijos“ principu: pusė grupės liko prie plakato ir atsakinėjo į klausimus, kita pusė lankė kitų grupių plakatus ir paliko lipnius lapelius su klausimais arba pastabomis. Po 10 minučių grupės apsikeitė vaidmenimis. Pamokos pabaigoje kiekviena grupė perskaitė gautus lapelius ir užrašė, ką taisytų, jei bandymą kartotų.",
			"Visą ciklą stengėmės, kad užduotys būtų įveikiamos skirtingų gebėjimų mokiniams. Kiekvienai pamokai parengėme tris užduočių lapo variantus: pagrindiniame bandymo eiga buvo aprašyta išsamiai ir pateikta lentelė su jau įrašytais stulpelių pavadinimais, viduriniame – tik svarbiausi žingsniai, o sudėtingiausiame – vien tyrimo klausimas ir reikalavimai ataskaitai. Mokiniai galėjo rinktis patys ir pamokos metu pereiti prie kito varianto. Įdomu, kad daugelis pradėjo nuo pagrindinio lapo, bet jau ketvirtojoje pamokoje daugiau nei pusė klasės rinkosi vidurinį arba sudėtingiausią variantą. Mokiniams, kuriems sunkiau sekasi skaičiuoti, leidome naudotis skaičiuoklės formulėmis, kurias kartu su jais sukūrėme pirmojoje informatikos pamokoje, todėl jie galėjo sutelkti dėmesį į grafiko aiškinimą, o ne į aritmetiką. Mokiniui, kuris dėl judėjimo negalios negalėjo dalyvauti bandyme sporto salėje, paskyrėme duomenų analitiko vaidmenį: jis realiuoju laiku stebėjo grafiką planšetėje, nurodinėjo grupei, kada kartoti matavimą, ir vėliau pristatė grupės rezultatus.",
			"Po ciklo keli mokiniai patys pasiūlė tęsti tyrimus: vienas ištyrė lifto pagreitį daugiabutyje, kitas – dviračio judėjimą nuokalnėje, o trys mokinės telefono slėgio jutikliu matavo, kaip keičiasi atmosferos slėgis lipant mokyklos laiptais, ir apskaičiavo mokyklos aukštį. Šie darbai buvo pristatyti mokyklos gamtos mokslų savaitėje, o du iš jų vėliau – miesto mokinių tiriamųjų darbų konferencijoje.",
		),
		Methods: paragraphs(
			"Taikėme tyrinėjimu grįstą mokymąsi su palaipsniui mažėjančia mokytojo pagalba: pirmoje pamokoje bandymų eiga buvo aprašyta žingsnis po žingsnio, o ketvirtoje mokiniai gavo tik klausimą ir priemones. Grupes (po 3–4 mokinius) sudarėme taip, kad kiekvienoje būtų bent vienas mokinys, drąsiai dirbantis su skaičiuokle.",
			"Priemonės: mokinių išmanieji telefonai ir trys mokyklos planšetės su nemokama jutiklių programėle, laboratorinis vežimėlis, 1,2 m ilgio lenta, lipni juosta, virvelės, ruletė, minkštas dėklas, sporto salės čiužinys ir kompiuterių klasė su skaičiuokle. Papildomų išlaidų nereikėjo.",
			"Formuojamajam vertinimui naudojome išėjimo korteles: pamokos pabaigoje kiekvienas mokinys atsakė į vieną klausimą apie grafiką. Kortelės padėjo pastebėti, kad dalis mokinių painioja greičio ir pagreičio grafikus, todėl kitos pamokos pradžioje tam skyrėme papildomą dešimtį minučių.",
		),
		Results: paragraphs(
			"Ciklo pradžioje ir pabaigoje mokiniai atliko tą patį trumpą testą apie judėjimo grafikų skaitymą. Vidutinis rezultatas pakilo nuo 46 % iki 74 %, o mokinių, kurie teisingai atpažino tolygiai greitėjančio judėjimo grafiką, dalis išaugo nuo trečdalio iki daugiau nei keturių penktadalių.",
			"Ataskaitas vertinome pagal kriterijus, kuriuos mokiniai gavo kartu su pirmąja užduotimi: tyrimo klausimo aiškumas, bandymo aprašymas, grafiko kokybė, skaičiavimų teisingumas, paklaidų aptarimas ir išvados. Silpniausiai sekėsi paklaidų aptarimas, tad šiai daliai kitais metais skirsime atskirą pratybų pamoką.",
			"Mokinių apklausa parodė, kad labiausiai jiems patiko laisvojo kritimo ir švytuoklės bandymai, o sunkiausia buvo tvarkyti duomenis skaičiuoklėje. Informatikos mokytoja pastebėjo, kad po šio ciklo mokiniai daug drąsiau dirba su didelėmis lentelėmis ir patys ieško klaidų duomenyse.",
		),
		Recommendations: paragraphs(
			"Programėlę paprašykite įsidiegti iš anksto, o pirmąją pamoką skirkite tik pažinčiai su jutikliais. Jei ją praleisite, vėliau prarasite daug laiko techniniams klausimams.",
			"Nemėtykite telefonų ir neleiskite to daryti mokiniams: laisvąjį kritimą galima tirti saugiai, o tėvai labai vertina, kai mokykla tuo pasirūpina. Planšetes pririškite virvele prie stalo.",
			"Duomenų tvarkymą derinkite su informatikos mokytoju. Bendras darbas su tais pačiais duomenimis sutaupo laiko abiem dalykams, o mokiniai mato, kad skaičiuoklė yra tyrėjo įrankis.",
			"Neskubėkite su formulėmis. Leiskite mokiniams pirmiausia papasakoti, ką rodo grafikas, savais žodžiais, ir tik tada įveskite fizikines sąvokas.",
		),
		References: paragraphs(
			"Staacks, S., Hütz, S., Heinke, H., Stampfer, C. (2018). Advanced tools for smartphone-based experiments: phyphox. Physics Education, 53(4), 045009.",
			"Vogt, P., Kuhn, J. (2012). Analyzing free fall with a smartphone acceleration sensor. The Physics Teacher, 50(3), 182–183.",
			"Sokoloff, D. R., Thornton, R. K. (2004). Interactive Lecture Demonstrations: Active Learning in Introductory Physics. Hobokenas: Wiley.",
			"Lietuvos gamtos ir tiksliųjų mokslų mokytojų asociacija (2026). Skaitmeniniai jutikliai fizikos pamokose: kursų medžiaga. Klaipėda.",
		),
		Licence: "CC BY 4.0",
		Status:  data.CaseSubmitted,
	}
}

func caseAstronomyEvenings() practiceCase {
	return practiceCase{
		ID:    "sample-case-10",
		Title: "Astronomijos vakarai: dangaus stebėjimai su mokiniais ir tėvais",
		Authors: []data.Author{
			{Name: "Saulius Daukšys", School: "Biržų Šaltupio gimnazija", Role: "Fizikos mokytojas ekspertas"},
		},
		Subject:  "Fizika",
		Levels:   []data.EducationLevel{data.LevelBasic, data.LevelSecondary},
		Grades:   "7–12 kl.",
		Keywords: []string{"astronomija", "dangaus stebėjimai", "teleskopas", "neformalusis švietimas", "bendruomenė", "Mėnulio fazės"},
		Summary: paragraphs(
			"Jau trečius metus mūsų gimnazijoje kartą per mėnesį, giedrą vakarą nuo spalio iki kovo, vyksta astronomijos vakarai. Mokiniai kartu su tėvais ir mokytojais stebi Mėnulį, planetas ir ryškiausius žvaigždynus, o vyresnieji mokiniai veda trumpas ekskursijas po dangų jaunesniesiems.",
			"Šis aprašas dar juodraštis: jame aprašome, kaip organizuojame vakarus, kaip jie susiję su fizikos pamokomis ir ką pastebėjome per trejus metus.",
			"Veikla nereikalauja brangios įrangos: užtenka vieno mokyklinio teleskopo, kelių žiūronų ir žvaigždėlapio programėlės.",
		),
		Goals: paragraphs(
			"Tikslas – sužadinti mokinių smalsumą ir parodyti, kad fizikos dėsniai veikia ne tik vadovėlyje, bet ir virš mūsų galvų.",
			"Uždaviniai: išmokyti mokinius rasti ryškiausius žvaigždynus ir planetas; stebėti ir paaiškinti Mėnulio fazes; naudotis teleskopu ir žiūronais; parengti vyresniuosius mokinius būti gidais jaunesniems.",
			"Ne mažiau svarbu – į mokyklos gyvenimą įtraukti šeimas ir stiprinti bendruomenę.",
		),
		Activities: paragraphs(
			"Kiekvienas vakaras prasideda dvidešimties minučių įvadu fizikos kabinete: vyresnieji mokiniai pristato, ką šį vakarą matysime, ir parodo tai žvaigždėlapio programėlėje.",
			"Paskui visi eina į mokyklos stadioną, kur šviesų mažiausiai. Dalyviai pasiskirsto į tris stoteles: teleskopas (Mėnulis arba planeta), žiūronai (žvaigždžių spiečiai) ir „plika akimi“ (žvaigždynai ir palydovai). Mokiniai gidai keičiasi stotelėse kas penkiolika minučių.",
			"Fizikos pamokose grįžtame prie to, ką matėme: aiškinamės Mėnulio fazių priežastis, planetų judėjimą ir šviesos sklidimą. Mokiniai pildo stebėjimų dienoraštį, kurį kartais papildo nuotraukomis, padarytomis telefonu per teleskopo okuliarą.",
		),
		Methods: paragraphs(
			"Taikome neformaliojo ir formaliojo ugdymo derinį: vakaro patirtis tampa pamokos pradžia, o pamokoje įgytos žinios padeda per kitą vakarą pamatyti daugiau.",
			"Priemonės: mokyklinis teleskopas, penkeri žiūronai, raudonos šviesos žibintuvėliai, žvaigždėlapio programėlė, šilti pledai ir termosai su arbata.",
			"Vyresniuosius mokinius gidus rengiame per du susitikimus: jie mokosi naudotis teleskopu ir pasakoti taip, kad suprastų pradinukas.",
		),
		Results: paragraphs(
			"Per trejus metus įvyko 17 vakarų, kuriuose apsilankė daugiau nei 600 dalyvių. Dvylika mokinių tapo nuolatiniais gidais, o trys iš jų pasirinko fizikos ar astronomijos studijas.",
			"Išsamesnius rezultatus ir mokinių apklausos duomenis įrašysime baigę šių mokslo metų vakarus.",
			"Jau dabar matyti, kad fizikos pamokose apie Mėnulio fazes ir planetų judėjimą mokiniai klausia daugiau ir drąsiau.",
		),
		Recommendations: paragraphs(
			"Vakarų datas skelbkite lanksčiai: turėkite dvi ar tris galimas datas ir galutinį sprendimą priimkite tą pačią dieną pagal orų prognozę.",
			"Iš anksto pasirūpinkite saugumu: kelias iki stadiono turi būti apšviestas, o jaunesni vaikai atvyksta tik su tėvais.",
			"Leiskite mokiniams būti gidais. Tai geriausias būdas jiems patiems išmokti, o jaunesniems – pamatyti, kad mokslas įdomus ir jų bendraamžiams.",
		),
		References: paragraphs(
			"Percy, J. R. (2006). Teaching astronomy: why and how? Journal of the American Association of Variable Star Observers, 35(1), 248–254.",
			"Lelliott, A., Rollnick, M. (2010). Big ideas: A review of astronomy education research 1974–2008. International Journal of Science Education, 32(13), 1771–1799.",
			"Lietuvos gamtos ir tiksliųjų mokslų mokytojų asociacija (2026). Vasaros kursų „Gamta be sienų“ medžiaga: dangaus stebėjimai. Neringa.",
		),
		Licence: "CC BY 4.0",
		Status:  data.CaseDraft,
	}
}
