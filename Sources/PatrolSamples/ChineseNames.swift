/// Tables of Chinese names and numerals for sample volunteers, grids and branches.
enum ChineseNames {
    /// Family names with their approximate share of the population in basis points, from the
    /// 2020 census ranking (王 and 李 about 7 % each, the tail about 0.1 %).
    static let familyNames = WeightedTable<String>([
        ("王", 710), ("李", 700), ("张", 670), ("刘", 540), ("陈", 460), ("杨", 310),
        ("黄", 220), ("赵", 200), ("吴", 190), ("周", 190), ("徐", 140), ("孙", 130),
        ("马", 120), ("朱", 120), ("胡", 110), ("郭", 110), ("何", 100), ("高", 90),
        ("林", 90), ("罗", 90), ("郑", 80), ("梁", 70), ("谢", 60), ("宋", 60), ("唐", 60),
        ("许", 50), ("韩", 50), ("冯", 50), ("邓", 50), ("曹", 50), ("彭", 50), ("曾", 50),
        ("肖", 50), ("田", 40), ("董", 40), ("袁", 40), ("潘", 40), ("于", 40), ("蒋", 40),
        ("蔡", 40), ("余", 40), ("杜", 40), ("叶", 40), ("程", 40), ("苏", 30), ("魏", 30),
        ("吕", 30), ("丁", 30), ("任", 30), ("沈", 30), ("姚", 30), ("卢", 30), ("姜", 30),
        ("崔", 30), ("钟", 30), ("谭", 30), ("陆", 30), ("汪", 30), ("范", 30), ("金", 30),
        ("石", 20), ("廖", 20), ("贾", 20), ("夏", 20), ("韦", 20), ("付", 20), ("方", 20),
        ("白", 20), ("邹", 20), ("孟", 20), ("熊", 20), ("秦", 20), ("邱", 20), ("江", 20),
        ("尹", 20), ("薛", 20), ("闫", 20), ("段", 20), ("雷", 20), ("侯", 20), ("龙", 20),
        ("史", 20), ("陶", 10), ("黎", 10), ("贺", 10), ("顾", 10), ("毛", 10), ("郝", 10),
        ("龚", 10), ("邵", 10), ("万", 10), ("钱", 10), ("严", 10), ("覃", 10), ("武", 10),
        ("戴", 10), ("莫", 10), ("孔", 10), ("向", 10), ("汤", 10),
    ])

    /// Given names common among people born before 1970.
    static let olderGivenNames = [
        "建国", "建华", "国强", "秀英", "桂英", "玉兰", "淑珍", "凤英", "秀兰", "志强", "建军",
        "红梅", "丽华", "国华", "德明", "振华", "美华", "卫东", "爱华", "秀珍", "桂兰", "素梅",
        "金凤", "建平", "文华", "玉珍", "志明", "国庆", "淑芬", "春生", "福生", "永红", "明",
        "华", "平", "军", "英", "兰", "强", "红",
    ]

    /// Given names common among people born from 1970 on.
    static let youngerGivenNames = [
        "伟", "芳", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "超", "霞", "刚", "婷",
        "宇", "晨", "鑫", "佳", "琳", "浩然", "子轩", "欣怡", "思远", "雨涵", "嘉怡", "俊杰",
        "晓东", "海燕", "丽娟", "文博", "一鸣", "志伟", "晓燕", "建峰", "海涛", "丹丹", "倩",
        "亮", "颖", "慧", "斌", "博", "昊", "悦", "晓明", "春燕", "立新",
    ]

    /// Residential compounds that give grids and building branches their names.
    static let compounds = [
        "幸福里", "和平里", "阳光花园", "翠湖苑", "锦绣家园", "桂花园", "金色家园", "春晖苑",
        "东湖小区", "百合苑", "紫荆花园", "枫林苑", "丽景湾", "学府小区", "康乐新村", "建设里",
        "人民新村", "朝阳小区", "向阳里", "玉兰苑",
    ]

    /// Busy places that make a grid high-risk: markets, schools, stations and the like.
    static let hotspots = [
        "农贸市场", "实验小学", "地铁站", "商业步行街", "汽车客运站", "人民医院", "第一中学",
        "夜市", "万达广场", "火车站", "中心幼儿园", "体育公园",
    ]

    /// Where training sessions take place; the first names the community's own building.
    static let trainingLocations = [
        "社区党群服务中心", "社区新时代文明实践站", "社区警务室会议室", "社区老年活动中心",
        "街道综治中心会议室",
    ]

    /// Training topics, the patrol basics first.
    static let trainingTopics = [
        "巡防规范与安全培训", "反诈宣传培训", "消防安全与急救培训", "矛盾纠纷调解培训",
        "应急处置与疏散演练培训", "治安防范与情报信息培训",
    ]

    /// The Chinese numeral for 1 to 99, as in 第一网格 or 第十二党支部; Arabic digits from 100 on,
    /// as offices write 第120网格.
    static func numeral(_ value: Int) -> String {
        guard (1...99).contains(value) else { return String(value) }
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let tens = value / 10
        let units = value % 10
        switch tens {
        case 0: return digits[units]
        case 1: return "十" + digits[units]
        default: return digits[tens] + "十" + digits[units]
        }
    }
}
