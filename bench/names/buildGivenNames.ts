/**
 * Builds `src/match/names/givenNameData.ts`, the given-name knowledge used by the name matcher (variant groups and
 * the set of known given names). Reproducible: the same inputs give the same file, byte for byte.
 *
 *   # 1. English nicknames: carltonnorthern/nicknames (Apache-2.0), names.csv at commit NICKNAMES_COMMIT
 *   git -C <snapshot of carltonnorthern/nicknames> \
 *     show 21d75051c39cb022d145388d60c87dc30505228b:names.csv > /tmp/names.csv
 *   # 2. US Social Security Administration national baby-name data (public domain, US government work): the
 *   #    directory of yobYYYY.txt files from names.zip ("Baby Names from Social Security Card Applications - National
 *   #    Data", catalog.data.gov); the copy used is aramshiva/babies commit SSA_COMMIT, folder names/ (1880–2023).
 *   npx tsx bench/names/buildGivenNames.ts --nicknames /tmp/names.csv --ssa /tmp/ssa [--out <file>] [--report]
 *
 * What it does:
 * 1. Known names: the TOP_PER_SEX most frequent male and female names of the SSA data over birth years
 *    SSA_FIRST_YEAR–SSA_LAST_YEAR (customers' birth years), plus every name of every group below.
 * 2. Nickname groups: one group per canonical name of names.csv (the name and its nicknames). Its relations are not
 *    transitive ("chris" is a nickname of christopher and of christine), so groups are never merged: a name may be
 *    in several groups. Dropped: the full names listed under a short form that is itself a nickname ("bill" →
 *    robert, william: kept, these would make Robert and William variants), and EXCLUDED_RELATIONS /
 *    EXCLUDED_CANONICALS (wrong, or two different names: aaron → erin, emily → emma, john → ian).
 * 3. Curated groups (this file): English spelling families and cross-language forms of one name spelled close to the
 *    English one, Arabic names with their Latin transliterations and Arabic-script forms, South Asian and Filipino
 *    names.
 * 4. Spelling groups: known names whose spelling key (`spellingKey`: ph→f, c→k before a/o/u/l/r, y→i, final
 *    -ie/-ey/-ee→i, final vowel+h, doubled consonants) is equal and whose predominant sex (SSA) does not conflict:
 *    Brittany / Brittni are one group, Louis / Louise are not. Curated transliterations (Arabic, South Asian) and
 *    NOT_SPELLING_VARIANTS are left out.
 * 5. Close pairs: two known names one edit (or one transposition) apart that the matcher's edit distance
 *    (nameSimilarity, MIN_SIMILARITY) would call similar, in no common group, of compatible sex:
 *    - when the rarer has fewer than RARE_RATIO of the other's bearers and fewer than ATTESTED bearers, it is taken
 *      for a spelling or typo of the other ("joesph", "samual", "brain") and left out of the known set (the matcher
 *      falls back to edit distance for it) — unless it is grouped, listed in EXTRA_KNOWN or in REVIEWED_DISTINCT;
 *    - otherwise both stay known and are different names. All such pairs were reviewed by hand when the tables
 *      were written (`--report` lists them): the variants among them are in ENGLISH_GROUPS, the rest (Carl / Carol,
 *      Dana / Diana, Kevin / Kelvin, Paul / Raul) are different names.
 *
 * The output depends on src/match/nameSimilarity.ts (step 5): rerun after changing it, and review `--report`.
 * Everything is folded with normalizeName (the data holds folded forms only).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameSimilarity } from '../../src/match/nameSimilarity.js';
import { normalizeName } from '../../src/match/normalizeName.js';

const NICKNAMES_COMMIT = '21d75051c39cb022d145388d60c87dc30505228b';
const SSA_COMMIT = '5cbb539a286b8c1e40cb1400bf7c43b5e5b31b25';
const SSA_FIRST_YEAR = 1930;
const SSA_LAST_YEAR = 2023;
const TOP_PER_SEX = 2000;
/** Share of one sex (SSA, over the years above) from which a name counts as a male or a female name. */
const SEX_SHARE = 0.8;
const MAX_GROUP = 30;
/** The matcher's default first-name similarity: pairs below it already disagree without this data. */
const MIN_SIMILARITY = 0.75;
/** A close known name rarer than this share of its neighbour is treated as a spelling of it (see step 5). */
const RARE_RATIO = 0.1;
/** Bearers (SSA, the years above) from which a name is well attested on its own and never treated as a spelling. */
const ATTESTED = 25_000;

// ---------------------------------------------------------------------------------------------------------------
// Curated data. One group a line, names separated by spaces; `#` starts a comment. Written as people write them:
// folded by the script (accents, case, hamza on alif, harakat).
// ---------------------------------------------------------------------------------------------------------------

/**
 * English spelling families (one name written several ways: SSA lists each spelling as its own name) and forms of one
 * name in other European languages that are spelled close to the English one. Nicknames come from names.csv.
 */
const ENGLISH_GROUPS = `
# cross-language forms spelled close to the English one
george georg georges jorge jorg giorgio
joseph josef jose
john jon jhon johan johann
louis luis
louisa luisa
paul paulo paolo pablo
alexander aleksander aleksandr alexandr alexandre alexandro alejandro alex
alexandra alejandra aleksandra alex
albert alberto
alfred alfredo
armand armando
leonard leonardo
marcel marcelo marcello
marcus marcos markus
maximilian maximiliano maximillian
moses moises
reuben ruben rueben
roland rolando orlando
robert roberto
alfonso alfonzo alphonso alphonse alfonse
lawrence laurence
oswald oswaldo osvaldo
raymundo reymundo
ernest earnest ernesto
gilbert gilberto
wilfred wilfredo wilfrid
valentine valentin valentino
esteban estevan
erich eric erick erik
emil emile
lucian lucien
sergei sergey sergej seryozha
ivan vanya
elena lena
# spelling families (SSA counts each spelling as its own name)
stephen steven stephan stefan stevan stephon steve stevie
michael micheal michel michal mikael mikel mychal mike
jeffrey jeffery jeffry jefferey geoffrey geoffery jeff geoff
jonathan jonathon johnathan johnathon jon
christopher kristopher cristopher christofer kristofer christoph christophe chris kris
sean shawn shaun shon
shawna shauna
caitlin caitlyn kaitlin kaitlyn katelyn katelynn kaitlynn katlyn katlin katelin caitlynn
kristen kristin kristyn cristen christen christin kristan
kirsten kiersten kirstin kirstyn
katherine catherine kathryn katharine kathrine cathryn katheryn catharine kathrin
katarina katerina katharina
zachary zachery zackary zackery zakary zack zach zak
zachariah zechariah
nicholas nickolas nicolas nikolas nick
isaac issac isaak
jeremy jeramy jeremey jeromy jeremie jereme
jeremiah jeramiah jerimiah
gerald jerald gerold jerold gearld jerrold jerry gerry
geri gerri jeri jerri gerrie
jared jarred jarod jarrod jerod jerrod jered jerad
derek derrick derick deric dereck derik
frederick frederic fredrick fredric frederik fred freddie freddy fredy
cameron kameron camron kamron camren kamren
camden camdyn
madison madisyn maddison madyson madisen
mackenzie mckenzie makenzie mckinzie kenzie
mckenna makenna
jayden jaden jaiden jadon jaydon jadyn jaydin jaeden jaidyn
aiden aidan ayden aden aydan aaden aidyn
brayden braden braiden braydon bradyn braeden braedon
kayden caden kaden kaiden caiden kaydon kaeden
hayden haden haiden
brandon branden brandan brandyn brandin
brendan brenden brendon brendin
brennan brennen brennon
brant brandt
brantley brentley
jalen jaylen jaylon jaylan jaelen
jackson jaxson jaxon
jace jayce jase
jason jayson
jasmine jasmin jazmin jazmine jazmyn jazmyne jasmyn yasmin yasmine yazmin
ashley ashlee ashleigh ashly ashlie ashely
brittany britney brittney britany brittani britni brittni brittanie
courtney cortney kortney kourtney courtenay
lindsay lindsey linsey lyndsey lyndsay linsay
megan meghan meagan meaghan maegan maegen
kelly kelli kellie kellee
tracy tracey traci tracie
stacy stacey staci stacie
kacey kaci kacy kacie casey kasey kaycee
kaylee kayleigh kailey kaylie kayley kailee kaley kaleigh caylee
hailey haley hayley haylee hailee haleigh haylie
kaylyn kaelyn kailyn kaylynn
jaylyn jaelyn jailyn
cheryl sheryl sherrill cheryle sherryl
sharon sharron sharyn
marilyn marylin marilynn merilyn marylyn
carolyn caroline carolin karolyn carolynn
kimberly kimberley kimberlee kimberli kim
jacqueline jaqueline jacquelyn jacklyn jaclyn jacquline jackeline jaquelin jacquelin jackie
teresa theresa tereza therese
rebecca rebekah rebeca becky becca
deborah debra debora debbie deb
elizabeth elisabeth
isabel isabelle izabel isobel isabell
isabella isabela izabella
natalie nathalie natali natalee nataly
natalia nathalia natalya
hannah hanna hana
leah lea
joanna johanna joana johana
joann joanne
phillip philip filip phil
matthew mathew matt
allan alan allen allyn
bryan brian brien
byron bryon
aaron aron arron
damian damien damion dameon
adrian adrien adrain
adrienne adrianne
julian julien
dominic dominick dominik domenic domenick
anthony antony anton tony
anton antone
antoine antione antwan antwon
antoinette antionette
austin austen austyn
justin justen juston justyn
devin devon devan deven devyn
devonte davonte devante
dwayne dewayne duane dwain dwaine
deandre dandre deondre
deangelo dangelo
dante donte
donte dontae donta
darren darrin darin daren
darian darien darion darrion
darrell darrel darryl daryl
deshawn dashawn deshaun
keshawn keyshawn
rashawn rayshawn
trevon travon treyvon trayvon
tristan tristen triston tristin tristian
quentin quintin quinton quinten
terrence terrance terence
connor conner conor konnor konner
colton colten kolton kolten
landon landen landyn
donovan donavan donavon
peyton payton
reagan raegan regan
teagan tegan
keegan keagan kegan
kellen kellan
lachlan lochlan
grayson greyson
grey gray
gunnar gunner
gavin gaven gavyn
reese reece
reid reed
neil neal
trey tre trae
taj tahj
xander zander
xavier zavier xzavier
zane zayne
skylar skyler
samson sampson
roderick rodrick
jameson jamison
emerson emersyn
emery emory
emmett emmitt
edmund edmond
eldon elden
delmar delmer
irvin irwin ervin erwin
hershel herschel
isidore isadore
jedidiah jedediah
wilbur wilber
mekhi makhi
michaela mikayla makayla mckayla micaela mikaela
madeline madeleine madelyn madalyn madilyn madelynn madalynn madilynn
adeline adaline
adalyn adelyn
adalynn adelynn
alicia alycia alecia alesia alysia alisha alysha alesha
olivia alivia
ainsley ansley
annmarie annemarie annamarie
arlene arleen arline
bernice berenice
betty bettie bette bettye
blaine blane blayne
blair blaire
brianna briana breanna breana bryanna
brianne breanne
bridget bridgett bridgette bridgit
candace candice
cecilia cecelia
selena selina celina
chantal chantel shantel
chastity chasity
chelsea chelsey chelsie
cheyenne cheyanne
chloe khloe
keira kiera kiara ciara ciera
sierra cierra
dahlia dalia
deann deanne
deirdre deidre deidra
diane dianne diann
dolores delores deloris
dorothy dorthy dortha
doreen dorene
earlene earline
edith edythe edyth
eleanor elinor elenor
emilia emelia
ernestine earnestine
felicia felecia
frieda freida freda frida
gail gayle gale
gemma jemma
georgina georgiana
jillian gillian
yvette ivette
jada jayda jaida
jade jayde
jane jayne
janelle janell
jeanette janette jeannette
janice janis
janine jeanine jeannine
jaylene jayleen
desiree desirae
jocelyn joselyn joslyn jocelynn joselin yoselin
jolene joleen
jordan jordyn jorden jordon
julianne juliann
kadence kaydence cadence
karen karin karyn
lakisha lakeisha lakesha
latonya latanya
laverne lavern
lavinia lavina
leann leanne
lenora lenore leonora leonore
leticia letitia
lionel leonel
lisette lizette
lizbeth lizeth
london londyn
lorelei lorelai
luella louella
luann luanne
lynn lynne
mabel mable
malinda melinda
maricela marisela
marianne mariann maryann maryanne
marquis marques marquez marquise
margo margot
monte monty
patricia patrica
rachel rachael racheal
rhonda ronda
richie ritchie
rosalyn roslyn roselyn
rosanne roseanne roseann
rosanna roseanna
roxanne roxann roxane
sarai sarahi
sheila shelia
sloan sloane
dylan dylon
isaiah izaiah izayah isiah
violet violeta violetta
barbara barb
wesley westley
lauren lauryn laurin
sonia sonya sonja
tonya tonia tonja
suzanne susanne
susanna suzanna
tabitha tabatha
tamara tamera tamra
tamika tameka
valerie valarie valorie
ximena jimena
zoe zoey zoie
`;

/** names.csv relations left out: "canonical nickname nickname…" (wrong, or two different names). */
const EXCLUDED_RELATIONS = `
aaron erin
aron erin
absalom abbie
alexandria alexander
alfreda alfy freddy
amelia emily
amos moses
moses amos
andre drea
andrea andrew
andrew randy
anselm selma ance anse
arabella arry
arabelle arry
beatrice trisha
benjamin jamie
bill fred
billy fred
carol lynn cassie kara kari
caroline cassie lynn
carrie cassie
casper jasper
jasper casper
catherine casey cassie lena
cathleen casey cassie lena
adeline lena
aileen lena
madeline lena
lena ellen
clarence clare
corey coco ree
cory coco ree
courtney curt
crystal chris
earnest ernestine
ernestine ernest
edwina edwin
eileen helen
elaine helen
eleanor elaine ellen lenora
ella ellen
eloise louise
elouise louise
heloise lois
emil emily
evangeline evan
fallon falcon lon lonnie
felicia felix
frederica frederick rickey
fredericka rickey
frederick derick erick
frieda fred freddie freddy
georgine george
geraldine dina
gerhardt gay
hannah anna
anna anne
harry harold henry
hezekiah kiah
isaiah zadie
jacob jaap
jalen haylen jaelyn jailyn
jane jean jessie jennie
janet jessie
jean jane
jessie jane janet
john ian
ian john
justin justina
kendra kenji kenny
laurinda lawrence
lavonne von
lois louise
louis louise
louise eliza lois
lucia lucius
lyndon lindy
mariah mary
masayuki masa
mckenna ken
melody lodi
myrtle mert
nicholette cole
nicole cole nole
paul polly
persephone seph
philly delphia
reba beck
rebecca beck
robert bill billy rupert
selma anselm
seymour see
sondra dre
susan hannah
sydney sid
sylvester vessie
uriah riah
valentina felty
veronica franky ron ronnie ronny
will fred
willie fred
william bela bell
wilma william billiewilhelm
winifred freddie
winnifred fred freddie freddy
alazama ali
almena ali
alison ali
allison ali
allisandra ali
allyson ali
allyssa ali
alyssa al
alice elsie lisa
alicia elsie lisa
adaline lena
evaline lena
arlene lena
darlene lena
annette anna
antoinette ann
antonia ann
christiana ann
nancy ann
roxanna ann rose
roxanne ann rose
stephanie annie
leanne annie
savannah anna
bryanna ana anna
anastasia ana
paula lina
paulina lina
angelina lina
augustine austin
augustus austin
bertrand randy
billy robert
brenda brandy
brian bryant
broderick brady brody
cameron ron ronny
carolyn cassie lynn
celeste celia
charles carl
charlotte sherry
clarence clair
clifton tony
shelton tony
cornelius neil niel
derrick eric
dorinda dorothea
ellender helen
emeline emily emma
emily emma
frederica erica erika
fredericka ericka
gabriella ella
gabrielle ella
luella ella
garrett barrett garry gary jerry
gareth gary
genevieve jean jenny
gilbert wilber
helena aileen eileen elaine eleanor ellen
hubert hugh
ignatius nate
isaac zeke
ivan john
jalen len lennie lenny al alen
jeanette janet jean jessie
jeanne jane
jennet jessie
jefferson sonny
judson sonny
joanna hannah joan
johannah hannah joan
susannah hannah
johannes jonathan
johnathan john nathan
johnathon john nathan
jonathan john nathan
jonathon john nathan
katherine cassie lena
kathleen cassie lena
kent kendrick
kenneth kendrick
ashley leah
shirley sherry
solomon saul
rachel shelly
marsha mary
demaris mary
demerias mary
rosemary marie mary
marilyn mary
maureen mary
marion mary
marietta maria mariah marie marion mary maureen may mercy minnie
margarita megan
sheila cecilia
virginia jane jennie
patrick peter pate
parmelia amelia
lionel leon
napoleon leon
leonidas leon
leonore elenor honor
westley farmboy
zachariah zeke
zachary zeke
zachery zeke
lauren ren
luther luke
madison mattie
makayla kayla
michael micah
miguel michael mike
michelle mickey
miranda mira randy
samyra myra
almira myra
elmira mira
mercedes sadie
nadine nada
manoah noah
obadiah obed
obedience obed
philipina phoebe
rosalyn linda
sheridan dan danny
marcus marc mark
rodger bobby
roger bobby
woodrow drew
roderick erick
`;

/** names.csv canonical names whose group is left out (it ties different full names together). */
const EXCLUDED_CANONICALS = `
chick
jalen
`;

/** SSA entries that are not given names. */
const NOT_GIVEN_NAMES = `
baby infant unknown unnamed male female boy girl son daughter twin none notnamed
`;

/** Names kept out of automatic spelling groups (their key collides with a different name's). */
const NOT_SPELLING_VARIANTS = `
cassie kassie   # KASS-ee, not Casey
wiley wylie     # not Willie
joann           # Jo-Ann, not Joan
kali kaleigh kaley  # Kaley is KAY-lee (with Kaylee), Kali KAH-lee: not Callie
`;

/**
 * Close pairs reviewed as different names, the rarer kept known although step 5 would take it for a spelling of the
 * other: "a b c" means a is distinct from b and from c.
 */
const REVIEWED_DISTINCT = `
dana diana
sara zara
maria mara marta
`;


/**
 * Arabic given names common in GCC customer bases: Latin transliterations (the conventions of the English Wikipedia
 * article on each name, e.g. "Muhammad (name)", "Ahmad (name)", "Yusuf (name)", "Khalid", "Fatimah (given name)",
 * "Aisha (name)", "Maryam (name)", "Abdullah (name)", "Hussein (name)"; and the article "Romanization of Arabic") and
 * Arabic-script forms, one name a line. Two Arabic names that share a Latin spelling stay two groups, the spelling
 * in both (سالم Salem and سليم Saleem are both written "Salim"): Salem and Saleem are not variants of each
 * other.
 * Translations into other languages' forms (Yusuf / Joseph, Ibrahim / Abraham, Musa / Moses) are not variants.
 */
const ARABIC_GROUPS = `
# male
mohammed muhammad mohamed mohammad mohamad muhammed muhamad muhamed mohammod mohamud mahomed mohd mhd mohammed محمد
ahmed ahmad ahmet ahamed ahmd أحمد احمد
mahmoud mahmood mahmud mehmood mahmod محمود
ali aly علي
adam آدم
adham أدهم
omar umar omer umer عمر
khalid khaled خالد
yousef yusuf youssef yousif yusef yousuf yusif youssif yussuf yosef يوسف
hassan hasan hassen حسن
hussein husain hussain hussien husein husayn hossein hosein hossain houssein hussin hussen حسين
abdullah abdallah abdulla abdalla abdellah abdulah abdullahi abdul abdel عبد عبدالله
abdulrahman abdelrahman abdurrahman abdurahman abdalrahman abdulrhman abderrahmane abderrahman abdul abdel عبد عبدالرحمن
abdulaziz abdelaziz abdalaziz abdulazeez abdulazez abdul abdel عبد عبدالعزيز
abdulkarim abdelkarim abdulkareem abdelkrim abdul abdel عبد عبدالكريم
abdulrahim abdelrahim abdulraheem abdul abdel عبد عبدالرحيم
abdulmajeed abdulmajid abdelmajid abdelmadjid abdul abdel عبد عبدالمجيد
abdulwahab abdelwahab abdulwahhab abdul abdel عبد عبدالوهاب
abdullatif abdellatif abdulateef abdullateef abdul abdel عبد عبداللطيف
abdulsalam abdelsalam abdussalam abdessalam abdusalam abdul abdel عبد عبدالسلام
abdulqader abdulkader abdelkader abdelqader abdulqadir abdulkadir abdul abdel عبد عبدالقادر
abdulhamid abdelhamid abdulhameed abdul abdel عبد عبدالحميد
abdulmalik abdelmalek abdulmalek abdelmalik abdul abdel عبد عبدالملك
abdulghani abdelghani abdulghany abdul abdel عبد عبدالغني
abdulhadi abdelhadi abdul abdel عبد عبدالهادي
abdulnasser abdelnasser abdulnaser abdul abdel عبد عبدالناصر
abdulhakim abdelhakim abdulhakeem abdul abdel عبد عبدالحكيم
abdulmohsen abdulmohsin abdelmohsen abdul abdel عبد عبدالمحسن
abdulelah abdulilah abdelilah abdul abdel عبد عبدالإله
# "Abdul" alone (the first word of "Abdul Rahman") is also in the group of each Abd- name above
abdul abdel abdal abd عبد
ibrahim ebrahim ibraheem ebraheem ibrahem ebrahem brahim إبراهيم ابراهيم
ismail ismael esmail ismaeel ismaiel ismayil إسماعيل اسماعيل
mustafa mostafa moustafa mustapha mostapha moustapha mustafah مصطفى مصطفي
saeed said saied saeid saaid سعيد
syed sayed sayyid sayyed seyed sayid سيد
sultan sultaan سلطان
rashid rashed raashid راشد
rasheed rashid raschid رشيد
hamad حمد
hammad hamad حماد
hamdan حمدان
hamid hamed haamed حامد
hameed hamid humaid حميد
majid majed maajid ماجد
majeed majid مجيد
faisal faysal feisal faisel faysel fayssal فيصل
nasser naser nasir nassir naasir ناصر
naseer nasir نصير
salem salim saalim سالم
saleem salim selim سليم
saif sayf seif saief سيف
tariq tarek tareq tarik tarique طارق
waleed walid وليد
yasser yasir yaser yassir ياسر
zayed zayid zaied زايد
zaid zayd zeid زيد
ziad ziyad zeyad ziyaad زياد
hamza hamzah hamzeh حمزة حمزه
bilal belal بلال
adel adil aadil عادل
adeel عديل
karim kareem كريم
karima kareema كريمة
jamal gamal jamaal جمال
jamil jameel gamil جميل
nabil nabeel نبيل
samir sameer سمير
samer سامر
sami samy سامي
fahad fahd fahed فهد
mansour mansoor mansur منصور
mubarak mobarak مبارك
obaid obeid ubaid obaied عبيد
raed raid رائد
riyad riad riyadh riaz riyaz رياض
anas anass أنس
osama usama usamah ousama osamah أسامة
ayman aiman أيمن
amr amro amru عمرو
amer aamer aamir عامر
amir ameer emir أمير
marwan مروان
murad mourad مراد
nizar نزار
rami ramy رامي
hani hany هاني
fadi fady فادي
shadi shady شادي
tamer tamir تامر
thamer thamir ثامر
wael wail وائل
hazem hazim حازم
hisham hesham هشام
emad imad عماد
ehab ihab إيهاب
essam issam isam عصام
ashraf أشرف
ayoub ayub ayyub ayoob أيوب
younis yunus younes yunis younus يونس
yahya yehia yahia يحيى
zakaria zakariya zakariyya zakariah زكريا
idris idrees edris إدريس
musa mousa moussa mosa موسى
isa issa eisa عيسى
dawood dawud daoud daud dawoud داود
suleiman sulaiman sulayman soliman sleiman suleman sulaman سليمان
yaqub yacoub yaqoob yakub yaqoub يعقوب
ishaq eshaq ishak إسحاق
haroun harun haroon هارون
saleh salih صالح
saad سعد
saud saoud سعود
turki تركي
bandar bander بندر
nawaf nawwaf نواف
meshal mishal mishaal meshaal مشعل
nayef naif nayif نايف
talal طلال
badr bader badar بدر
hamoud hamood حمود
ghanem ghanim غانم
juma jumaa jumah جمعة
khamis khamees خميس
mohsen muhsin mohsin محسن
hadi hady هادي
mahdi mehdi مهدي
jaber jabir جابر
jassim jasim jassem jasem جاسم
qasim kasim qassim qasem kassem gasim قاسم
khalifa khalifah خليفة
mohannad muhannad مهند
muath moath muadh moaz muaz معاذ
imran imraan emran omran عمران
othman osman usman uthman عثمان
abbas عباس
jaafar jafar jaffar جعفر
salman salmaan سلمان
suhail sohail suhayl سهيل
zubair zubayr zubeir زبير
taha طه
yasin yaseen yassin yacine ياسين
tawfiq tawfik tawfeeq taufiq toufic توفيق
rafiq rafik rafeeq رفيق
shafiq shafik shafeeq شفيق
sharif shareef cherif شريف
habib habeeb حبيب
aziz azeez عزيز
latif lateef لطيف
wasim waseem wassim وسيم
nadim nadeem نديم
kamal كمال
kamel kamil كامل
jalal جلال
bassam basam بسام
hatem hatim حاتم
mazen mazin مازن
firas feras فراس
fawaz fawwaz فواز
ghassan ghasan غسان
ammar amar عمار
yazan يزن
zain zayn zein زين
rayan rayyan ريان
ilyas elias elyas ilias إلياس
maher mahir ماهر
nader nadir نادر
hilal helal هلال
jawad jawwad جواد
sadiq sadik saddiq صادق
hafez hafiz حافظ
hafeez hafiz حفيظ
kazim kadhim kazem كاظم
murtaza murtada mortada مرتضى
rida reda ridha raza reza رضا
shaheen shahin شاهين
nouh nuh nooh نوح
adnan عدنان
akram أكرم
amjad أمجد
anwar anwer أنور
fares faris فارس
fathi fathy فتحي
fouad fuad foad fawad فؤاد
hossam husam hussam حسام
magdy majdi magdi مجدي
ramadan ramzan ramazan رمضان
zaki zakey زكي
mamdouh mamduh ممدوح
mounir munir muneer منير
khalil khaleel kahlil خليل
hakim hakeem akeem حكيم
haider haidar hyder حيدر
naeem naim نعيم
rizwan ridwan rezwan رضوان
noman nauman numan nouman نعمان
awais owais uwais أويس
shoaib shuaib شعيب
talha طلحة
umair omair عمير
tahir taher طاهر
asif aasif آصف
arif aarif عارف
atif aatif عاطف
sajid ساجد
zahid زاهد
shahid شاهد
irfan عرفان
asad أسد
junaid junaed جنيد
farhan فرحان
abid aabid عابد
saqib sakib ثاقب
# diminutives used as names (Gulf, Levant): one group per full name
mohammed hamoudi hamouda
ahmed hamoudi
mahmoud hamoudi
hamad hamoud hamoudi
abdullah abdo abboud aboudi
abdulrahman abdo abboud aboudi
abdulaziz abdo aboudi
fatima fatoom tima
# female
fatima fatma fatemah fatimah fathima fatema fatemeh fatme فاطمة فاطمه
aisha aysha ayesha aishah aicha ayisha aesha عائشة عائشه عايشة
maryam mariam meryem miriam mariyam maryem مريم
noor nour nur نور
noura nourah nora norah نورة نوره
huda hoda houda هدى هدي
amna aamna amnah آمنة
amina ameena aminah ameenah أمينة
layla leila laila leyla laylah lailah leilah ليلى ليلي
sara sarah سارة ساره سارا
hessa hissa hessah hissah hussa حصة حصه
mouza moza mozah mouzah موزة موزه
shamma shammah شما
reem rim ريم
hind hend هند
dana دانة دانه دانا
lina leena لينا
rania ranya raniya رانيا
salma salmah selma سلمى سلمي
yasmin yasmeen yasmine yazmin jasmine jasmin yasmina ياسمين
shaikha sheikha shaykha شيخة شيخه
mahra mahrah مهرة
alyazia alyazya yazia اليازية
latifa latifah lateefa لطيفة
maitha maytha ميثاء ميثا
afra afraa عفراء
asma asmaa asmah أسماء
zainab zaynab zeinab zenab زينب
khadija khadijah khadeeja khadeejah خديجة
ruqaya ruqayya ruqayyah rukaya rokeya رقية
sumaya sumaiya somaya sumayyah sumayya سمية
hafsa hafsah حفصة
safiya safia safiyyah safiyah صفية
zahra zahraa zehra زهراء زهرة
hanan حنان
amal أمل
mona muna منى
maha مها
nada ندى
dina deena دينا
rasha رشا
ghada غادة
abeer abir عبير
nadia nadiya nadya نادية
samira sameera سميرة
jamila jameela جميلة
nabila nabeela نبيلة
najla najlaa نجلاء
wafa wafaa وفاء
suad souad soad سعاد
lubna لبنى
rana رنا
rawan روان
razan رزان
lama لمى
jana جنى
joud jood جود
malak ملاك
tala تالا
leen لين
haya هيا
dalal دلال
ghalia ghaliya غالية
basma basmah بسمة
samar سمر
sahar سحر
nawal نوال
iman eman imane إيمان
heba hiba هبة
doaa duaa dua دعاء
esraa israa isra إسراء
aya aaya آية
farah فرح
ghadeer ghadir غدير
hajar hagar هاجر
marwa marwah مروة
rahma rahmah رحمة
raghad رغد
rima reema ريما
shahad شهد
shaima shaimaa shayma شيماء
walaa ولاء
yara يارا
zeina zeinah زينة
lamia lamya لمياء
manal منال
nisreen nesreen nasreen nasrin nesrine nisrin نسرين
noha nuha نهى
ola ula علا
rehab rihab رحاب
sawsan sausan سوسن
suha سهى
hala هالة
amira ameera أميرة
nouf noof نوف
munira muneera منيرة
wadha wadhha وضحى
hamda hamdah حمدة
salama salamah سلامة
rawdha roudha rouda rawda روضة
haifa haifaa هيفاء
hayat حياة
kholoud khulood kholood خلود
alia aliya aliyah aaliyah aliaa alya alyaa عالية علياء
naila nayla نائلة
sadia saadia sadiya سعدية
rabia rabiya rabiah رابعة
bushra بشرى
rehana rihana raihana rayhana ريحانة
hana hanaa هناء
`;

/**
 * South Asian (Indian, Pakistani, Bangladeshi, Sri Lankan) given names: common romanization variants (dental "th" in
 * South Indian and Sri Lankan spellings, "ee"/"i", "w"/"v") and short forms. Muslim names of Arabic origin are in
 * ARABIC_GROUPS; "Md" is the usual Bangladeshi abbreviation of Muhammad.
 */
const SOUTH_ASIAN_GROUPS = `
md muhammad mohammed mohammad mohamed mohd
priya priyaa
rajesh raj raju
rajendra rajender rajinder raj
rajiv rajeev raj
rajkumar raj
venkatesh venkatesan venkat venky venki
srinivas srinivasa sreenivas shrinivas srinivasan sreenivasan srini seenu
lakshmi laxmi lakshmy
subramanian subramaniam subramanyam subrahmanyam subbu
shiva siva
krishna krish
vijay vijai
ajay ajai
sanjay sanjai
abhishek abhi
abhijit abhijeet abhi
amit amith
sumit sumith
rohit rohith
ranjit ranjith ranjeet
sujit sujith sujeet
ajit ajith ajeet
vineet vinit
puneet punit
preeti priti preethi
jyoti jyothi
shanti shanthi
gayatri gayathri
aarti arti aarthi arthi
swati swathi
deepak dipak deepu
deepa deepu
anjali anju
vikram vicky
deepika dipika
pooja puja
divya dhivya
kavita kavitha
sunita sunitha
anita anitha
savita savitha
geeta gita geetha
sita seeta seetha
shweta sweta shwetha swetha
sangeeta sangita sangeetha
vidya vidhya
bhavana bhavna
sarita saritha
lalita lalitha
sushila susheela
parvati parvathi
keerthi kirti keerthy
satish sathish
santosh santhosh
vikas vikash
akash aakash
nitin nithin
anand aanand
ashok asok
pradeep pradip
sandeep sandip
kuldeep kuldip
navdeep navdip
amandeep amandip
dilip dileep
murali murli
raghav raghu
raghavendra raghu
prashant prasanth prashanth
srikanth shrikant srikant shrikanth
sriram shriram
shankar sankar
sundar sunder
sudhir sudheer
ravindra ravinder ravi
surendra surender surinder
jitendra jitender jeetendra
narendra narender
mahendra mahender mahinder
paramjit paramjeet
harjit harjeet
manjit manjeet
zeeshan zishan
javed javaid jawed
pervez parvez parvaiz
tanveer tanvir
naveed navid
shahzad shehzad
shahbaz shehbaz
babar babur
zafar zafer
akhtar akter akhter
shakil shakeel
suman sumon
farzana farjana
nusrat nasrat
shabnam shabnum
rukhsana rukshana
shahnaz shehnaz
nazia naziya
saima saimah
sana sanaa
hina heena
mahnoor mahnur
sameena samina
parveen parvin perveen
zarina zareena
shazia shaziya
rubina rubeena
nargis narges
humaira humera
sanjeewa sanjeeva
nishantha nishanta
`;

/** Further common South Asian given names, in no variant group (known names). */
const SOUTH_ASIAN_KNOWN = `
suresh ramesh mahesh ganesh dinesh rakesh mukesh naresh umesh ritesh hitesh nilesh yogesh rahul arjun rohan karan kiran
arun varun tarun sachin vivek alok anil sunil manoj gopal govind mohan madhav prasad vinod vinay vishal vishnu yash
aditya harish girish prakash neha sneha nisha manisha shalini padma uma rani radha rekha usha meena asha nandini ramya
anjali deepa priyanka kavya sanjana aishwarya ananya shreya pallavi sonali rashmi rupa renu seema sapna gurpreet
harpreet manpreet jaspreet balwinder jaswinder kulwinder sukhwinder harinder nimal ruwan chamara nuwan kasun tharindu
lahiru chaminda dilshan prasanna waqar kamran faraz ahsan mubashir mudassar muneeb hira iqra mehwish sidra anum saba
sadaf uzma kashif waqas
`;

/**
 * Filipino given names (Spanish-derived) and their usual Filipino and Spanish short forms. "Ma." is the common
 * written abbreviation of Maria (it folds to "ma").
 */
const FILIPINO_GROUPS = `
maria ma mia
jose pepe pepito joe jojo
joseph jojo
paolo pao
juan juanito johnny
rosario charo chayo
consuelo connie chelo
jesus chuy chucho
francisco paco pancho kiko isko
ignacio nacho
guadalupe lupe lupita
dolores lola lolita
concepcion concha conchita connie
mercedes meche
eduardo edu lalo eddie
alfredo fredo
ricardo cardo ricky
roberto berto obet
alberto berto beto
antonio tonyo tony anton
emmanuel emman manny
manuel manny manolo
fernando nando ferdie
ferdinand ferdie nando
ramon mon monching
rodrigo rody
gregorio goyo gorio
corazon cory cora
remedios remy medy
milagros mila
josefina josie pina fina
natividad naty nati
florencia flor
teresita tess tessie tere
cristina tina
leonora nora
evangeline vangie
rosemarie rose rosie
marites maritess
`;

/** Further common Filipino given names (known names). */
const FILIPINO_KNOWN = `
maricel marivic maricris marilou rowena analyn rodel jomar jayson jerwin arnel reynaldo rolando rogelio danilo marlon
mylene myrna lourdes ligaya rizalino
`;


/** Further known names, in no group. */
const EXTRA_KNOWN = `
${SOUTH_ASIAN_KNOWN}
${FILIPINO_KNOWN}
`;

// ---------------------------------------------------------------------------------------------------------------

interface Args { nicknames: string; ssa: string; out: string; report: boolean }

function parseArgs(argv: readonly string[]): Args {
  const here = dirname(fileURLToPath(import.meta.url));
  const out = join(here, '../../src/match/names/givenNameData.ts');
  const args: Args = { nicknames: '', ssa: '', out, report: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--nicknames') args.nicknames = argv[++i] ?? '';
    else if (a === '--ssa') args.ssa = argv[++i] ?? '';
    else if (a === '--out') args.out = argv[++i] ?? '';
    else if (a === '--report') args.report = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.nicknames || !args.ssa) {
    throw new Error('usage: buildGivenNames.ts --nicknames names.csv --ssa <dir of yobYYYY.txt> [--out file] [--report]');
  }
  return args;
}

type Sex = 'M' | 'F' | 'U' | '?';

interface Counts { m: number; f: number }

/** Folds one data word; throws on anything that does not fold to one word. */
function fold(word: string, where: string): string {
  const f = normalizeName(word);
  if (!f || f.includes(' ')) throw new Error(`${where}: "${word}" does not fold to one word ("${f}")`);
  return f;
}

/** Lines of a curated table: comments and blank lines dropped, each line's names folded and de-duplicated. */
function tableLines(table: string, where: string): string[][] {
  const out: string[][] = [];
  for (const raw of table.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const names = [...new Set(line.split(/\s+/).map((w) => fold(w, where)))];
    out.push(names);
  }
  return out;
}

function readSsa(dir: string): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  const files = readdirSync(dir).filter((f) => /^yob\d{4}\.txt$/.test(f));
  for (const file of files) {
    const year = Number(file.slice(3, 7));
    if (year < SSA_FIRST_YEAR || year > SSA_LAST_YEAR) continue;
    for (const line of readFileSync(join(dir, file), 'utf8').split(/\r?\n/)) {
      if (!line) continue;
      const [name, sex, n] = line.split(',');
      const key = normalizeName(name);
      let c = counts.get(key);
      if (!c) counts.set(key, (c = { m: 0, f: 0 }));
      if (sex === 'M') c.m += Number(n);
      else c.f += Number(n);
    }
  }
  if (counts.size === 0) throw new Error(`no yobYYYY.txt files for ${SSA_FIRST_YEAR}–${SSA_LAST_YEAR} in ${dir}`);
  return counts;
}

function sexOf(counts: Map<string, Counts>, name: string): Sex {
  const c = counts.get(name);
  if (!c) return '?';
  const t = c.m + c.f;
  return c.m >= SEX_SHARE * t ? 'M' : c.f >= SEX_SHARE * t ? 'F' : 'U';
}

function compatible(a: Sex, b: Sex): boolean {
  return !((a === 'M' && b === 'F') || (a === 'F' && b === 'M'));
}

function frequency(counts: Map<string, Counts>, name: string): number {
  const c = counts.get(name);
  return c ? c.m + c.f : 0;
}

/** name1 → nicknames, from names.csv (name1,has_nickname,name2). */
function readNicknames(file: string): Map<string, string[]> {
  const rel = new Map<string, string[]>();
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  if (lines[0] !== 'name1,relationship,name2') throw new Error(`${file}: unexpected header ${lines[0]}`);
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const [a, r, b] = line.split(',');
    if (r !== 'has_nickname' || !a || !b) continue;
    const fa = normalizeName(a);
    const fb = normalizeName(b);
    // "k.c." folds to "k c": initials are no given name.
    if (!fa || !fb || fa.includes(' ') || fb.includes(' ')) continue;
    let list = rel.get(fa);
    if (!list) rel.set(fa, (list = []));
    if (!list.includes(fb)) list.push(fb);
  }
  return rel;
}

/**
 * Spelling key: equal keys are the same name written differently (pronunciation kept). Only used together with a
 * sex check, and only for names both known.
 */
export function spellingKey(name: string): string {
  let s = name;
  s = s.replace(/ph/g, 'f');
  s = s.replace(/eigh$/, 'i');
  s = s.replace(/ck/g, 'k').replace(/cq/g, 'q').replace(/^chr/, 'kr');
  s = s.replace(/c(?=[aoulr]|$)/g, 'k');
  s = s.replace(/th/g, 't');
  s = s.replace(/(?<=.)y/g, 'i');
  s = s.replace(/(?<=[aeiou])h$/, '');
  s = s.replace(/(?:ie|ei|ee)$/, 'i');
  s = s.replace(/([^aeiou])\1+/g, '$1');
  return s;
}

/** Optimal string alignment distance, capped: returns cap + 1 when larger. */
function osaDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

interface Built {
  nicknameGroups: string[][];
  spellingGroups: string[][];
  curatedEnglish: string[][];
  arabic: string[][];
  southAsian: string[][];
  filipino: string[][];
  knownOnly: string[];
  log: string[];
}

export function build(nicknamesFile: string, ssaDir: string): Built {
  const log: string[] = [];
  const counts = readSsa(ssaDir);
  const excludedNames = new Set(NOT_GIVEN_NAMES.split(/\s+/).filter(Boolean));

  // 1. SSA top names per sex.
  const ssaTop = new Set<string>();
  for (const sex of ['m', 'f'] as const) {
    const ranked = [...counts].filter(([n]) => !excludedNames.has(n))
      .sort((x, y) => y[1][sex] - x[1][sex] || (x[0] < y[0] ? -1 : 1));
    for (const [n] of ranked.slice(0, TOP_PER_SEX)) ssaTop.add(n);
  }
  log.push(`SSA top ${TOP_PER_SEX} per sex, ${SSA_FIRST_YEAR}–${SSA_LAST_YEAR}: ${ssaTop.size} names`);

  // 2. Nickname groups.
  const rel = readNicknames(nicknamesFile);
  const excludedRel = new Set<string>();
  for (const line of tableLines(EXCLUDED_RELATIONS, 'EXCLUDED_RELATIONS')) {
    const [canonical, ...nicks] = line;
    for (const n of nicks) excludedRel.add(`${canonical} ${n}`);
  }
  const excludedCanonicals = new Set(tableLines(EXCLUDED_CANONICALS, 'EXCLUDED_CANONICALS').flat());
  const isNickname = new Set([...rel.values()].flat());
  const nicknameGroups: string[][] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const [canonical, nicks] of [...rel].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (excludedCanonicals.has(canonical)) continue;
    const members = [canonical];
    for (const n of nicks) {
      // A short form that is itself listed as a nickname ("bill") holds only short forms: the full names it lists
      // ("bill" → robert, william) have their own groups, and keeping them here would make those full names variants
      // of each other.
      const reversed = isNickname.has(canonical) && rel.has(n) && n.length > canonical.length;
      if (excludedRel.has(`${canonical} ${n}`) || reversed || n === canonical) { dropped++; continue; }
      members.push(n);
    }
    if (members.length < 2) continue;
    const sig = [...members].sort().join(' ');
    if (seen.has(sig)) continue;
    seen.add(sig);
    nicknameGroups.push(members);
  }
  log.push(`nickname groups: ${nicknameGroups.length} (${rel.size} canonical names, ${dropped} relations dropped)`);

  // 3. Curated groups.
  const curatedEnglish = tableLines(ENGLISH_GROUPS, 'ENGLISH_GROUPS');
  const arabic = tableLines(ARABIC_GROUPS, 'ARABIC_GROUPS');
  const southAsian = tableLines(SOUTH_ASIAN_GROUPS, 'SOUTH_ASIAN_GROUPS');
  const filipino = tableLines(FILIPINO_GROUPS, 'FILIPINO_GROUPS');
  const extraKnown = tableLines(EXTRA_KNOWN, 'EXTRA_KNOWN').flat();

  const fixedGroups = [...nicknameGroups, ...curatedEnglish, ...arabic, ...southAsian, ...filipino];
  const inGroups = new Set(fixedGroups.flat());

  // 4. Spelling groups over every known name.
  const universe = new Set<string>([...ssaTop, ...inGroups, ...extraKnown]);
  for (const n of excludedNames) if (!inGroups.has(n)) universe.delete(n);
  const byKey = new Map<string, string[]>();
  // Curated transliterations are complete, and English spelling rules do not apply to them (سالم Salem and
  // سليم Saleem differ by a doubled vowel).
  const transliterated = new Set([...arabic, ...southAsian].flat());
  for (const n of [...universe].sort()) {
    if (!/^[a-z]+$/.test(n) || transliterated.has(n)) continue;
    const k = spellingKey(n);
    let list = byKey.get(k);
    if (!list) byKey.set(k, (list = []));
    list.push(n);
  }
  const spellingGroups: string[][] = [];
  const blocked = new Set(tableLines(NOT_SPELLING_VARIANTS, 'NOT_SPELLING_VARIANTS').flat());
  for (const [, names] of [...byKey].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (names.length < 2) continue;
    // Split by sex: male names with male and unisex ones, female names with female and unisex ones.
    const males = names.filter((n) => sexOf(counts, n) === 'M');
    const females = names.filter((n) => sexOf(counts, n) === 'F');
    const others = names.filter((n) => { const s = sexOf(counts, n); return s === 'U' || s === '?'; });
    const parts = males.length && females.length ? [[...males, ...others], [...females, ...others]]
      : [names];
    for (const part of parts) {
      const p = part.filter((n) => !blocked.has(n))
        .sort((x, y) => frequency(counts, y) - frequency(counts, x) || (x < y ? -1 : 1));
      if (p.length >= 2) spellingGroups.push(p);
    }
  }
  log.push(`spelling groups: ${spellingGroups.length}`);

  const allGroups = [...fixedGroups, ...spellingGroups];
  for (const g of allGroups) {
    if (g.length > MAX_GROUP) throw new Error(`group larger than ${MAX_GROUP}: ${g.join(' ')}`);
  }

  // 5. Safety net over close pairs.
  const groupsOf = new Map<string, Set<number>>();
  allGroups.forEach((g, i) => {
    for (const n of g) {
      let set = groupsOf.get(n);
      if (!set) groupsOf.set(n, (set = new Set()));
      set.add(i);
    }
  });
  const share = (a: string, b: string): boolean => {
    const ga = groupsOf.get(a);
    const gb = groupsOf.get(b);
    if (!ga || !gb) return false;
    for (const x of ga) if (gb.has(x)) return true;
    return false;
  };
  const reviewed = new Set(tableLines(REVIEWED_DISTINCT, 'REVIEWED_DISTINCT').flatMap((line) => {
    // "a b c" lists pairs a-b, a-c (a is distinct from each of the others).
    const [a, ...rest] = line;
    return rest.map((b) => pairKey(a!, b));
  }));
  const known = new Set(universe);
  const byLength = new Map<number, string[]>();
  for (const n of known) { const l = byLength.get(n.length); if (l) l.push(n); else byLength.set(n.length, [n]); }
  const distinctPairs: string[] = [];
  const droppedKnown = new Map<string, string>();
  const pinned = new Set([...allGroups.flat(), ...extraKnown]);
  const candidates = [...known].sort();
  for (const a of candidates) {
    for (const len of [a.length - 1, a.length, a.length + 1]) {
      for (const b of byLength.get(len) ?? []) {
        if (b <= a) continue;
        if (osaDistance(a, b, 1) > 1 || nameSimilarity(a, b) < MIN_SIMILARITY) continue;
        if (share(a, b) || reviewed.has(pairKey(a, b))) continue;
        if (!compatible(sexOf(counts, a), sexOf(counts, b))) continue;
        const [more, less] = frequency(counts, a) >= frequency(counts, b) ? [a, b] : [b, a];
        const rare = frequency(counts, less) < RARE_RATIO * frequency(counts, more) && frequency(counts, less) < ATTESTED;
        if (rare && !pinned.has(less)) droppedKnown.set(less, more);
        else distinctPairs.push(`${more} ${less}`);
      }
    }
  }
  for (const n of droppedKnown.keys()) known.delete(n);
  log.push(`rare near-duplicates left out of the known set: ${droppedKnown.size}`);
  log.push(...[...droppedKnown].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([n, by]) => `  dropped: ${n} (near ${by})`));
  log.push(`close pairs kept as distinct names: ${distinctPairs.length}`);
  log.push(...distinctPairs.map((p) => `  distinct: ${p}`));

  const grouped = new Set(allGroups.flat());
  const knownOnly = [...known].filter((n) => !grouped.has(n)).sort();
  return { nicknameGroups, spellingGroups, curatedEnglish, arabic, southAsian, filipino, knownOnly, log };
}

function emitGroups(groups: readonly (readonly string[])[]): string {
  return groups.map((g) => g.join(' ')).join('\n');
}

function wrap(words: readonly string[], width: number): string {
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > width) { lines.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.join('\n');
}

function emit(b: Built): string {
  const english = [...b.curatedEnglish, ...b.spellingGroups];
  const groupCount = b.nicknameGroups.length + english.length + b.arabic.length + b.southAsian.length + b.filipino.length;
  return `// GENERATED by bench/names/buildGivenNames.ts — do not edit by hand: edit the tables there and run it again.
/**
 * Given-name data for the name matcher (src/match/names/givenNames.ts). Every name is folded as normalizeName folds
 * it (NFKD, accents and Arabic harakat/hamza marks dropped, lower case, no punctuation) and is one word.
 *
 * Each *_GROUPS constant holds variant groups, one a line, names separated by spaces: two names in one group are the
 * same given name (nickname, diminutive, spelling or transliteration). Groups are not transitive: a name may be in
 * several groups ("chris" with christopher and with christine) and two names are variants only when one group holds
 * both. KNOWN_NAMES holds the other known given names (every grouped name is known too).
 *
 * Sources:
 * - NICKNAME_GROUPS: carltonnorthern/nicknames, names.csv at commit ${NICKNAMES_COMMIT}
 *   (Apache License 2.0; Old Dominion University Web Science and Digital Libraries Research Group), one group per
 *   canonical name, some relations dropped (see the build script).
 * - KNOWN_NAMES: the ${TOP_PER_SEX} most frequent male and female given names of the US Social Security
 *   Administration's national baby-name data (public domain), birth years ${SSA_FIRST_YEAR}–${SSA_LAST_YEAR}
 *   (copy: aramshiva/babies commit ${SSA_COMMIT}),
 *   less rare near-duplicates of far more frequent names (typos such as "joesph"), plus curated South Asian and
 *   Filipino names.
 * - SPELLING_GROUPS: curated English spelling families and cross-language forms, then known names with equal spelling
 *   keys and compatible sex (build script).
 * - ARABIC_GROUPS, SOUTH_ASIAN_GROUPS, FILIPINO_GROUPS: curated by hand; Latin spellings are the usual
 *   romanizations (compare the English Wikipedia articles on each name, e.g. "Muhammad (name)", "Ahmad (name)",
 *   "Yusuf (name)", "Fatimah (given name)", and "Romanization of Arabic"), with Arabic-script forms.
 *
 * ${groupCount} groups, ${b.knownOnly.length} further known names.
 */

export const NICKNAME_GROUPS = \`
${emitGroups(b.nicknameGroups)}
\`;

export const SPELLING_GROUPS = \`
${emitGroups(english)}
\`;

export const ARABIC_GROUPS = \`
${emitGroups(b.arabic)}
\`;

export const SOUTH_ASIAN_GROUPS = \`
${emitGroups(b.southAsian)}
\`;

export const FILIPINO_GROUPS = \`
${emitGroups(b.filipino)}
\`;

export const KNOWN_NAMES = \`
${wrap(b.knownOnly, 118)}
\`;
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = parseArgs(process.argv.slice(2));
  const built = build(args.nicknames, args.ssa);
  writeFileSync(args.out, emit(built));
  const lines = args.report ? built.log : built.log.filter((l) => !l.startsWith('  '));
  process.stdout.write(`${lines.join('\n')}\nwrote ${args.out}\n`);
}
