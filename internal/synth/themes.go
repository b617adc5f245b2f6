package synth

// theme is a subject area of the collection: the words its titles are made
// of, the CLC classes and subject headings it is catalogued under and the
// publishers that print it. Keeping them together makes a generated record
// internally consistent (a 党建 title is not classed under I247.5).
type theme struct {
	weight      int
	stems       []string
	prefixes    []string
	suffixes    []string
	otherTitles []string
	series      []string
	clc         []string
	subjects    []string
	publishers  []publisher
	bodies      []string // corporate authors (编写组, 教研部 …)
	bodyShare   float64  // share of books by a body rather than persons
	firstYear   int
	translated  bool // some books are translations
	minority    bool // a few books are in minority languages
}

type publisher struct {
	Name   string
	Place  string
	Prefix string // ISBN registrant prefix within group 7, e.g. "7-01"
}

// Registrant prefixes are those printed on these publishers' books; they only
// need to be plausible for synthetic ISBNs, whose check digits are valid.
var (
	pubRenmin       = publisher{"人民出版社", "北京", "7-01"}
	pubWenxian      = publisher{"中央文献出版社", "北京", "7-5073"}
	pubDangjian     = publisher{"党建读物出版社", "北京", "7-5099"}
	pubDangxiao     = publisher{"中共中央党校出版社", "北京", "7-5035"}
	pubWaiwen       = publisher{"外文出版社", "北京", "7-119"}
	pubRenminRibao  = publisher{"人民日报出版社", "北京", "7-5115"}
	pubXuexi        = publisher{"学习出版社", "北京", "7-5147"}
	pubFangzheng    = publisher{"中国方正出版社", "北京", "7-5174"}
	pubDangshi      = publisher{"中共党史出版社", "北京", "7-5098"}
	pubHongqi       = publisher{"红旗出版社", "北京", "7-5051"}
	pubYanjiu       = publisher{"研究出版社", "北京", "7-5199"}
	pubFalv         = publisher{"法律出版社", "北京", "7-5118"}
	pubZhonghua     = publisher{"中华书局", "北京", "7-101"}
	pubShangwu      = publisher{"商务印书馆", "北京", "7-100"}
	pubSanlian      = publisher{"生活·读书·新知三联书店", "北京", "7-108"}
	pubRenwen       = publisher{"人民文学出版社", "北京", "7-02"}
	pubZuojia       = publisher{"作家出版社", "北京", "7-5063"}
	pubQingnian     = publisher{"中国青年出版社", "北京", "7-5153"}
	pubPKU          = publisher{"北京大学出版社", "北京", "7-301"}
	pubRUC          = publisher{"中国人民大学出版社", "北京", "7-300"}
	pubGaojiao      = publisher{"高等教育出版社", "北京", "7-04"}
	pubShehui       = publisher{"社会科学文献出版社", "北京", "7-5201"}
	pubCASS         = publisher{"中国社会科学出版社", "北京", "7-5203"}
	pubJingji       = publisher{"经济科学出版社", "北京", "7-5218"}
	pubCaizheng     = publisher{"中国财政经济出版社", "北京", "7-5223"}
	pubShanghaiRM   = publisher{"上海人民出版社", "上海", "7-208"}
	pubJiangsuRM    = publisher{"江苏人民出版社", "南京", "7-214"}
	pubZhejiangRM   = publisher{"浙江人民出版社", "杭州", "7-213"}
	pubSichuanRM    = publisher{"四川人民出版社", "成都", "7-220"}
	pubMinzu        = publisher{"民族出版社", "北京", "7-105"}
	pubGuojiaTushu  = publisher{"国家图书馆出版社", "北京", "7-5013"}
	pubXinhua       = publisher{"新华出版社", "北京", "7-5166"}
	pubShiyue       = publisher{"北京十月文艺出版社", "北京", "7-5302"}
	pubChangjiang   = publisher{"长江文艺出版社", "武汉", "7-5702"}
	pubDangdaiZG    = publisher{"当代中国出版社", "北京", "7-5154"}
	pubJiefangjun   = publisher{"解放军出版社", "北京", "7-5065"}
	pubZhongguoRM   = publisher{"中国人民大学出版社", "北京", "7-300"}
	pubGuangmingRB  = publisher{"光明日报出版社", "北京", "7-5194"}
	pubYilin        = publisher{"译林出版社", "南京", "7-5447"}
	pubShanghaiYiwn = publisher{"上海译文出版社", "上海", "7-5327"}
)

var partyPublishers = []publisher{pubRenmin, pubRenmin, pubWenxian, pubDangjian, pubDangjian, pubDangxiao, pubDangxiao, pubRenminRibao, pubXuexi, pubFangzheng, pubDangshi, pubHongqi, pubYanjiu, pubXinhua, pubGuangmingRB}

var partyBodies = []string{
	"本书编写组", "本书编写组", "中共中央党校（国家行政学院）党建教研部", "中共中央组织部组织局",
	"中共中央宣传部理论局", "中共中央党史和文献研究院", "全国干部培训教材编审指导委员会",
	"中共中央纪律检查委员会 国家监察委员会法规室", "中国浦东干部学院", "中国延安干部学院", "中国井冈山干部学院",
	"中共中央党校出版社编写组", "党建读物出版社编写组", "人民日报评论部",
}

var partyOtherTitles = []string{
	"学习贯彻党的二十大精神辅导读本", "基层党组织书记培训教材", "党员干部学习读本", "理论热点面对面",
	"新时代党员教育培训教材", "一百个经典案例", "问题与对策", "党校主体班教学参考", "图解版", "案例精选",
	"全面从严治党的实践与探索", "理论与实践", "纪念中国共产党成立一百周年",
}

var partySeries = []string{
	"党员干部学习文库", "新时代党建书系", "全国干部学习培训教材", "党的二十大精神学习丛书",
	"中国共产党历史丛书", "基层党建工作实务丛书", "理论热点面对面", "党校教材系列", "马克思主义研究论库",
}

var partySuffixes = []string{
	"研究", "学习读本", "十讲", "概论", "问答", "案例选编", "理论与实践", "干部读本", "百问", "教程",
	"导论", "学习辅导", "实务手册", "工作指南", "理论探索", "学习纲要", "简明读本", "专题研究", "讲义",
	"论集", "读本", "通俗读本", "知识问答", "工作手册", "基本问题研究", "若干问题", "学习笔记", "二十讲",
}

var themes = []*theme{
	{ // 党的建设
		weight: 22,
		stems: []string{
			"新时代党的建设", "全面从严治党", "基层党组织建设", "党的政治建设", "党的思想建设", "党的组织建设",
			"党的作风建设", "党的纪律建设", "党的制度建设", "党内政治生活", "党员教育管理", "党支部工作",
			"三会一课", "两学一做", "不忘初心、牢记使命主题教育", "党史学习教育", "党内监督", "干部队伍建设",
			"基层党建", "农村基层党组织", "机关党建", "国有企业党建", "党建引领基层治理", "党员先锋模范作用",
			"党性修养", "组织生活会", "民主集中制", "发展党员工作", "党务工作", "智慧党建", "党建品牌",
			"选人用人", "干部考核评价", "年轻干部成长", "学习型政党建设", "党的自我革命", "党建工作",
			"党的建设的伟大工程", "全面加强党的领导", "主题党日", "党员发展", "基层党组织标准化规范化建设",
		},
		prefixes:    []string{"新时代", "新形势下", "中国共产党", "论", "关于", "深入推进", "坚持和加强", "怎样做好", "如何加强", "面向新征程的"},
		suffixes:    partySuffixes,
		otherTitles: partyOtherTitles,
		series:      partySeries,
		clc:         []string{"D26", "D26", "D26", "D261", "D261.1", "D261.3", "D261.41", "D261.42", "D262", "D262.1", "D262.11", "D262.13", "D262.2", "D262.3", "D262.6", "D263", "D263.1", "D263.3", "D263.4", "D267", "D267.1", "D267.2", "D267.5", "D267.7", "D25", "D251", "D252"},
		subjects:    []string{"中国共产党—党的建设—研究", "中国共产党—党的建设—学习参考资料", "中国共产党—基层组织—组织工作", "中国共产党—党员教育", "中国共产党—干部工作", "中国共产党—党风—廉政建设", "中国共产党—党内监督", "中国共产党—党支部—工作"},
		publishers:  partyPublishers,
		bodies:      partyBodies,
		bodyShare:   0.25,
		firstYear:   1980,
	},
	{ // 习近平新时代中国特色社会主义思想、理论学习
		weight: 16,
		stems: []string{
			"习近平新时代中国特色社会主义思想", "中国特色社会主义", "中国式现代化", "党的二十大精神",
			"党的十九届六中全会精神", "二十届三中全会精神", "新发展理念", "以人民为中心的发展思想",
			"全过程人民民主", "人类命运共同体", "中华民族伟大复兴", "新时代中国特色社会主义",
			"马克思主义中国化时代化", "社会主义核心价值观", "总体国家安全观", "生态文明建设", "共同富裕",
			"乡村振兴战略", "高质量发展", "新质生产力", "全面依法治国", "文化自信", "四个自信", "两个确立",
			"两个维护", "四个意识", "伟大建党精神", "中国共产党人精神谱系", "理论学习", "理论武装",
			"党的创新理论", "新时代伟大变革", "中国特色社会主义理论体系", "全面深化改革", "中国梦",
			"新时代新征程", "坚持人民至上", "统筹发展和安全",
		},
		prefixes:    []string{"学习", "深入学习", "学习贯彻", "读懂", "解读", "领悟", "论", "走进", "大众化视野中的", "图解"},
		suffixes:    append([]string{"学习问答", "十二讲", "三十讲", "学习笔记", "关键词", "理论研究", "大众读本", "青年读本"}, partySuffixes...),
		otherTitles: partyOtherTitles,
		series:      append([]string{"习近平新时代中国特色社会主义思想研究丛书", "理论学习文库", "中国式现代化研究丛书"}, partySeries...),
		clc:         []string{"D61", "D61", "D616", "D616", "D64", "D641", "A81", "A84", "A849", "D2-0", "D0", "D60", "D619", "D229", "D229"},
		subjects:    []string{"习近平新时代中国特色社会主义思想—学习参考资料", "中国特色社会主义—研究", "社会主义现代化建设—研究—中国", "中国共产党第二十次全国代表大会—学习参考资料", "马克思主义—中国化—研究", "社会主义核心价值观—研究"},
		publishers:  append([]publisher{pubXuexi, pubXuexi, pubWenxian, pubWaiwen}, partyPublishers...),
		bodies:      partyBodies,
		bodyShare:   0.35,
		firstYear:   2013,
	},
	{ // 党史国史
		weight: 12,
		stems: []string{
			"中国共产党历史", "党史", "新中国史", "改革开放史", "社会主义发展史", "中国革命史", "长征",
			"延安精神", "井冈山精神", "红船精神", "西柏坡精神", "遵义会议", "南昌起义", "抗日战争",
			"解放战争", "抗美援朝", "红色家书", "革命文物", "党的一百年", "百年党史", "红色基因",
			"老一辈革命家", "革命根据地", "中央苏区", "红军长征", "党的历史决议", "四史", "红色记忆",
			"党史人物", "党的光辉历程", "古田会议", "重庆谈判", "红岩精神", "沂蒙精神", "大别山精神",
		},
		prefixes:    []string{"中国共产党", "图说", "回望", "重温", "亲历", "口述", "地方", "新编", "伟大的"},
		suffixes:    []string{"简史", "纪实", "研究", "故事", "百题", "读本", "资料汇编", "大事记", "人物志", "全纪录", "史话", "史稿", "口述史", "十讲", "画卷", "研究论文集"},
		otherTitles: []string{"1921—2021", "从石库门到天安门", "重大事件和重要会议", "纪念中国共产党成立一百周年", "一位老党员的回忆", "亲历者说"},
		series:      []string{"中国共产党历史丛书", "红色经典丛书", "四史学习教育丛书", "党史人物传记丛书"},
		clc:         []string{"D23", "D23", "D231", "D232", "D235", "D239", "K26", "K264", "K265", "K27", "K25", "D22", "D220", "D229", "K827"},
		subjects:    []string{"中国共产党—党史", "中国共产党—党史—学习参考资料", "中国革命—革命史", "中国历史—现代史", "革命传统教育—中国", "革命根据地—史料"},
		publishers:  []publisher{pubDangshi, pubDangshi, pubRenmin, pubWenxian, pubJiefangjun, pubDangdaiZG, pubDangjian, pubSichuanRM, pubJiangsuRM, pubShanghaiRM, pubHongqi},
		bodies:      []string{"中共中央党史和文献研究院", "中共中央党史研究室", "本书编写组", "中国革命博物馆", "中共江西省委党史研究室", "中共重庆市委党史研究室"},
		bodyShare:   0.2,
		firstYear:   1978,
	},
	{ // 马列原著研究
		weight: 6,
		stems: []string{
			"马克思主义哲学", "马克思主义政治经济学", "科学社会主义", "马克思主义基本原理", "唯物史观",
			"《资本论》", "《共产党宣言》", "《反杜林论》", "《国家与革命》", "马克思主义经典著作",
			"毛泽东思想", "邓小平理论", "“三个代表”重要思想", "科学发展观", "实践论", "矛盾论",
			"马克思主义认识论", "辩证唯物主义", "历史唯物主义", "剩余价值理论",
		},
		prefixes:    []string{"重读", "导读", "精读", "解读", "论", "走近"},
		suffixes:    []string{"导读", "研究", "精读", "原理", "讲义", "基本问题", "十五讲", "选读", "新论", "概论", "名词解释"},
		otherTitles: []string{"经典著作导读", "原著选读", "马克思主义理论研究和建设工程重点教材"},
		series:      []string{"马克思主义研究论库", "马克思主义经典著作导读丛书", "马克思主义理论研究和建设工程重点教材"},
		clc:         []string{"A81", "A81", "A84", "A841", "A849", "A849.1", "A85", "A11", "A12", "A16", "A2", "A3", "A4", "A42", "A49", "A491", "A5", "A7", "A75", "A76", "B0", "B1"},
		subjects:    []string{"马克思主义—研究", "马克思著作研究", "毛泽东思想—研究", "邓小平理论—研究", "马克思主义哲学—研究", "科学社会主义—研究"},
		publishers:  []publisher{pubRenmin, pubRenmin, pubGaojiao, pubRUC, pubPKU, pubCASS, pubDangxiao, pubShanghaiRM},
		bodies:      []string{"马克思主义理论研究和建设工程重点教材编写组", "中共中央马克思恩格斯列宁斯大林著作编译局", "本书编写组"},
		bodyShare:   0.15,
		firstYear:   1978,
	},
	{ // 政治读物、国家治理
		weight: 9,
		stems: []string{
			"国家治理体系和治理能力现代化", "基层治理", "社会治理", "人民代表大会制度", "政治协商制度",
			"民族区域自治制度", "基层群众自治", "群众路线", "群众工作", "领导干部", "领导力", "公共政策",
			"政府职能转变", "行政管理", "应急管理", "网络舆情", "信访工作", "调查研究", "民族团结进步",
			"铸牢中华民族共同体意识", "爱国主义教育", "思想政治工作", "精神文明建设", "新时代文明实践",
			"乡村治理", "社区治理", "党政机关公文写作", "领导干部讲话艺术", "干部能力建设",
		},
		prefixes:    []string{"新时代", "中国", "当代中国", "论", "推进", "基层"},
		suffixes:    partySuffixes,
		otherTitles: []string{"理论与实践", "基层干部读本", "案例与分析", "经验与启示"},
		series:      []string{"国家治理研究丛书", "基层干部培训丛书", "全国干部学习培训教材"},
		clc:         []string{"D6", "D60", "D61", "D62", "D621", "D622", "D627", "D63", "D630", "D630.9", "D632", "D633", "D638", "D64", "D642", "D643", "D647", "D648", "D669", "D668", "D67", "D035", "D4", "D42", "D43", "D432"},
		subjects:    []string{"国家—行政管理—研究—中国", "社会管理—研究—中国", "思想政治教育—研究—中国", "爱国主义教育—中国", "民族团结—中国", "领导学—研究"},
		publishers:  []publisher{pubRenmin, pubDangxiao, pubDangxiao, pubRenminRibao, pubXinhua, pubRUC, pubPKU, pubShehui, pubHongqi, pubYanjiu, pubGuangmingRB},
		bodies:      []string{"本书编写组", "中共中央党校（国家行政学院）公共管理教研部", "国家行政学院出版社编写组"},
		bodyShare:   0.12,
		firstYear:   1985,
	},
	{ // 廉政建设、党纪法规
		weight: 7,
		stems: []string{
			"廉政建设", "反腐倡廉", "党风廉政建设", "廉洁从政", "纪律处分条例", "党内法规", "廉洁文化",
			"纪检监察工作", "监察法", "警示教育", "中央八项规定精神", "巡视巡察工作", "家风建设",
			"清廉家风", "以案促改", "廉洁自律", "作风建设永远在路上", "一体推进不敢腐、不能腐、不想腐",
		},
		prefixes:    []string{"新时代", "领导干部", "党员干部", "中国共产党", "加强"},
		suffixes:    []string{"读本", "案例选编", "警示录", "学习问答", "释义", "百问百答", "条文解读", "学习读本", "教育读本", "实务"},
		otherTitles: []string{"违纪违法典型案例警示录", "条文释义与案例", "党员干部警示教育读本"},
		series:      []string{"廉政文化丛书", "党纪党规学习丛书"},
		clc:         []string{"D262.6", "D262.6", "D262.13", "D630.9", "D922.1", "D26", "D64"},
		subjects:    []string{"廉政建设—中国", "中国共产党—党纪—学习参考资料", "反腐倡廉—中国", "纪律检查—工作—中国"},
		publishers:  []publisher{pubFangzheng, pubFangzheng, pubFangzheng, pubRenmin, pubFalv, pubDangjian, pubDangxiao},
		bodies:      []string{"中共中央纪律检查委员会 国家监察委员会宣传部", "中国方正出版社编写组", "本书编写组"},
		bodyShare:   0.4,
		firstYear:   1990,
	},
	{ // 法律
		weight:      4,
		stems:       []string{"中华人民共和国宪法", "民法典", "行政法", "刑法", "行政诉讼法", "国家安全法", "法治政府建设", "法治中国", "习近平法治思想", "宪法", "公务员法", "土地管理法", "乡村振兴促进法"},
		prefixes:    []string{"", "新编", "图解", "领导干部学", "案例解读"},
		suffixes:    []string{"释义", "学习读本", "案例评析", "条文解读", "普法读本", "理论与实务", "问答", "概论", "教程"},
		otherTitles: []string{"附配套法规", "最新修订版", "普法宣传读本"},
		series:      []string{"普法丛书", "法律实务丛书"},
		clc:         []string{"D9", "D90", "D92", "D921", "D922.1", "D923", "D924", "D925", "D926", "D929"},
		subjects:    []string{"法律—中国—学习参考资料", "宪法—中国", "民法—法典—中国", "法治—建设—中国"},
		publishers:  []publisher{pubFalv, pubFalv, pubRenmin, pubRUC, pubPKU, pubFangzheng},
		bodies:      []string{"全国人大常委会法制工作委员会", "本书编写组"},
		bodyShare:   0.2,
		firstYear:   1982,
	},
	{ // 经济
		weight:      6,
		stems:       []string{"中国经济", "社会主义市场经济", "乡村振兴", "县域经济", "数字经济", "高质量发展", "共同富裕", "供给侧结构性改革", "农业农村现代化", "新型城镇化", "区域协调发展", "现代化经济体系", "财政体制改革", "金融风险防范", "民营经济", "脱贫攻坚", "新质生产力", "粮食安全", "农村集体经济", "营商环境"},
		prefixes:    []string{"中国", "新时代", "论", "读懂", "走向"},
		suffixes:    []string{"研究", "概论", "十讲", "案例", "报告", "新论", "理论与实践", "发展报告", "路径研究", "探索"},
		otherTitles: []string{"理论、实践与政策", "来自基层的调查报告", "中国经验"},
		series:      []string{"中国经济问题丛书", "乡村振兴丛书", "新发展理念研究丛书"},
		clc:         []string{"F12", "F12", "F120", "F121", "F123", "F124", "F127", "F129", "F0", "F32", "F320.3", "F323", "F323.8", "F8", "F812", "F830", "F592"},
		subjects:    []string{"中国经济—经济发展—研究", "农村经济—经济发展—研究—中国", "扶贫—研究—中国", "数字经济—研究—中国", "社会主义市场经济—研究"},
		publishers:  []publisher{pubJingji, pubCaizheng, pubRenmin, pubRUC, pubPKU, pubShehui, pubCASS, pubShangwu, pubShanghaiRM, pubRenminRibao},
		bodies:      []string{"本书编写组", "国务院发展研究中心课题组", "中国社会科学院经济研究所"},
		bodyShare:   0.12,
		firstYear:   1980,
	},
	{ // 历史、地理
		weight:      6,
		stems:       []string{"中国通史", "中国近代史", "中华文明", "中国古代史", "明朝", "宋代", "唐朝", "丝绸之路", "大运河", "长城", "中华民族", "中国历史地理", "世界史", "中国近现代史", "历代王朝兴衰", "地方志", "中国历史文化名城", "中华优秀传统文化"},
		prefixes:    []string{"", "图说", "简明", "细说", "话说", "新编", "讲述"},
		suffixes:    []string{"简史", "史话", "纲要", "十讲", "通论", "研究", "讲稿", "故事", "演义", "全史", "大事年表"},
		otherTitles: []string{"插图本", "从远古到现代", "一部简明的通史"},
		series:      []string{"中华文明史话", "大家小书", "中国历史文化丛书"},
		clc:         []string{"K2", "K20", "K203", "K204.2", "K207.8", "K21", "K22", "K23", "K24", "K248", "K249", "K25", "K250.6", "K27", "K928", "K0", "K820", "K825", "K827"},
		subjects:    []string{"中国历史—通俗读物", "中国历史—研究", "中华文化—研究", "历史人物—生平事迹—中国"},
		publishers:  []publisher{pubZhonghua, pubZhonghua, pubShangwu, pubSanlian, pubRenmin, pubPKU, pubCASS, pubShanghaiRM, pubJiangsuRM, pubGuojiaTushu},
		bodies:      []string{"本书编写组", "中国社会科学院历史研究所"},
		bodyShare:   0.05,
		firstYear:   1978,
		translated:  true,
	},
	{ // 文学艺术
		weight:      8,
		stems:       []string{"春天的故事", "山河岁月", "大地之子", "长河", "故乡", "边城往事", "黄土情", "青山依旧", "红色家园", "山乡巨变", "太行山上", "北方的河", "那年那月", "乡村教师", "我的父亲母亲", "梦回延安", "雪域高原", "草原之歌", "江南烟雨", "小城故事", "奋斗者", "追梦人", "时代楷模", "最美逆行者", "扶贫路上", "第一书记", "驻村日记", "一路向北", "星火燎原", "岁月如歌", "平凡人生", "大山的女儿", "灯火阑珊", "石榴花开", "风雪夜归人", "钢铁是怎样炼成的", "红日", "战地黄花"},
		prefixes:    []string{"", "", "", "又见", "遥望", "永远的"},
		suffixes:    []string{"", "", "", "：长篇小说", "：散文集", "：诗集", "：报告文学", "：中篇小说选", "：短篇小说集", "：纪实文学"},
		otherTitles: []string{"长篇小说", "散文选", "诗歌卷", "报告文学", "纪念版", "茅盾文学奖获奖作品"},
		series:      []string{"红色经典文库", "中国当代文学名家", "茅盾文学奖获奖作品全集", "新时代山乡巨变创作计划"},
		clc:         []string{"I247.5", "I247.5", "I247.5", "I247.7", "I246.5", "I246.7", "I266", "I267", "I25", "I253", "I227", "I222", "I206.7", "I207.42", "I210", "J2", "J22", "J63", "J64"},
		subjects:    []string{"长篇小说—中国—当代", "散文集—中国—当代", "报告文学—中国—当代", "诗集—中国—当代", "中篇小说—小说集—中国—当代", "中国文学—现代文学—作品综合集"},
		publishers:  []publisher{pubRenwen, pubRenwen, pubZuojia, pubZuojia, pubShiyue, pubChangjiang, pubQingnian, pubYilin, pubShanghaiYiwn, pubJiangsuRM},
		bodies:      []string{"中国作家协会", "本书编委会"},
		bodyShare:   0.03,
		firstYear:   1978,
		translated:  true,
	},
	{ // 文化教育、图书馆
		weight:      4,
		stems:       []string{"全民阅读", "书香社会", "干部教育培训", "党校教育", "图书馆管理", "农家书屋", "职工书屋", "党建书屋", "红色文化", "家庭教育", "终身学习", "文化强国", "公共文化服务", "读书方法", "社会主义文化", "中华优秀传统文化"},
		prefixes:    []string{"", "新时代", "论", "怎样做好"},
		suffixes:    []string{"研究", "工作手册", "案例集", "概论", "理论与实践", "读本", "指南", "管理实务", "建设与服务"},
		otherTitles: []string{"实务指南", "建设与服务", "理论与实践"},
		series:      []string{"全民阅读推广丛书", "干部教育培训丛书"},
		clc:         []string{"G25", "G251", "G252", "G253", "G254", "G258.41", "G12", "G122", "G127", "G2", "G206", "G40", "G41", "G451", "G52", "G64", "D261.41", "Z2", "Z228"},
		subjects:    []string{"阅读—研究—中国", "图书馆管理—中国", "干部教育—研究—中国", "党校—教育—研究", "文化事业—研究—中国"},
		publishers:  []publisher{pubGuojiaTushu, pubGuojiaTushu, pubGaojiao, pubDangxiao, pubRenmin, pubShangwu, pubSanlian},
		bodies:      []string{"中国图书馆学会", "本书编写组"},
		bodyShare:   0.15,
		firstYear:   1985,
	},
	{ // 哲学、人文社科
		weight:      4,
		stems:       []string{"中国哲学", "论语", "孟子", "老子", "王阳明心学", "传统文化与修身", "中华传统美德", "儒家思想", "诸子百家", "中国伦理学", "中国社会", "社会学", "心理学与领导力", "逻辑学", "哲学"},
		prefixes:    []string{"", "", "品读", "解读", "漫谈", "新解"},
		suffixes:    []string{"简史", "十讲", "导论", "讲义", "精读", "今译", "译注", "通论", "研究", "新探"},
		otherTitles: []string{"插图版", "大字本", "通识读本"},
		series:      []string{"大家小书", "中华经典藏书", "通识读本"},
		clc:         []string{"B2", "B22", "B222", "B222.2", "B223", "B244", "B248", "B26", "B27", "B82", "B821", "B848", "C91", "C912.82", "C93", "B0"},
		subjects:    []string{"哲学—中国—研究", "儒家—研究", "伦理学—研究—中国", "社会学—研究—中国"},
		publishers:  []publisher{pubZhonghua, pubShangwu, pubSanlian, pubPKU, pubRUC, pubShanghaiRM, pubCASS},
		bodyShare:   0,
		firstYear:   1978,
		translated:  true,
	},
	{ // 民族文化
		weight:      2,
		stems:       []string{"民族团结", "少数民族文化", "草原文化", "藏族文化", "蒙古族历史", "维吾尔族民间文学", "民族地区发展", "边疆治理", "中华民族共同体", "各民族交往交流交融"},
		prefixes:    []string{"", "新时代", "铸牢", "图说"},
		suffixes:    []string{"研究", "读本", "概论", "故事", "史话", "简史"},
		otherTitles: []string{"汉蒙对照", "汉藏对照", "双语读本"},
		series:      []string{"中华民族共同体研究丛书", "民族文化丛书"},
		clc:         []string{"D633", "K28", "C95", "G12", "I29"},
		subjects:    []string{"民族关系—研究—中国", "少数民族—民族文化—中国", "民族团结—中国"},
		publishers:  []publisher{pubMinzu, pubMinzu, pubRenmin, pubCASS},
		bodies:      []string{"国家民族事务委员会", "本书编写组"},
		bodyShare:   0.2,
		firstYear:   1980,
		minority:    true,
	},
}

// themeTable expands the theme weights into a pick list once.
var themeTable = func() []*theme {
	var out []*theme
	for _, t := range themes {
		for range t.weight {
			out = append(out, t)
		}
	}
	return out
}()

func (g *Generator) theme() *theme { return themeTable[g.r.IntN(len(themeTable))] }

var foreignAuthors = []string{"（美）埃德加·斯诺", "（英）艾瑞克·霍布斯鲍姆", "（美）费正清", "（德）马克斯·韦伯", "（俄）列夫·托尔斯泰", "（法）雨果", "（英）狄更斯", "（美）海明威", "（苏）尼·奥斯特洛夫斯基", "（日）沟口雄三"}
