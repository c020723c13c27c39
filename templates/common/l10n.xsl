<?xml version="1.0" encoding="UTF-8"?>
<!-- Localisation shared by every output stylesheet (HTML and XSL-FO) of every type:
     string lookup with arguments, and the formatting of dates, date ranges and
     deadlines, times of day and time ranges, numbers and percentages. It is the one place where "2025-12-03/2025-12-11" becomes
     "3-11 December 2025" or "2025年12月3-11日".

     The including stylesheet defines:
       $lang      the document's language (BCP 47: "en", "zh", "ar")
       $strings   the <s:strings> element of the catalog for the document's language
       template "line-break"  what a <br/> in a string becomes in its output -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:s="urn:circgen:strings"
                xmlns:exsl="http://exslt.org/common"
                extension-element-prefixes="exsl"
                exclude-result-prefixes="s exsl">

  <xsl:include href="typography.xsl"/>

  <!-- The string with id $key; <arg name="x"/> is replaced by the <a n="x"> of $args
       (a result tree fragment of <a n="NAME">value</a> elements). A missing key stops
       the transformation with a message naming it: never a silent blank. -->
  <xsl:template name="str">
    <xsl:param name="key"/>
    <xsl:param name="args"/>
    <xsl:variable name="s" select="$strings/s:s[@id = $key]"/>
    <xsl:if test="not($s)">
      <xsl:message terminate="yes">circgen: the string catalog for '<xsl:value-of select="$strings/@xml:lang"/>' has no string '<xsl:value-of select="$key"/>'</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$s/node()" mode="str">
      <xsl:with-param name="args" select="exsl:node-set($args)"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="s:arg" mode="str">
    <xsl:param name="args"/>
    <xsl:variable name="name" select="@name"/>
    <xsl:if test="not($args/*[@n = $name])">
      <xsl:message terminate="yes">circgen: string '<xsl:value-of select="../@id"/>' needs the argument '<xsl:value-of select="$name"/>'</xsl:message>
    </xsl:if>
    <xsl:copy-of select="$args/*[@n = $name]/node()"/>
  </xsl:template>

  <xsl:template match="s:br" mode="str">
    <xsl:call-template name="line-break"/>
  </xsl:template>

  <xsl:template match="text()" mode="str">
    <xsl:call-template name="typography"><xsl:with-param name="t" select="."/></xsl:call-template>
  </xsl:template>

  <!-- The string as plain text (for attributes, titles and metadata). -->
  <xsl:template name="str-text">
    <xsl:param name="key"/>
    <xsl:param name="args"/>
    <xsl:variable name="r">
      <xsl:call-template name="str">
        <xsl:with-param name="key" select="$key"/>
        <xsl:with-param name="args" select="$args"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="normalize-space($r)"/>
  </xsl:template>

  <!-- The direction of the document's language ($lang, defined by the including
       stylesheet): right to left for Arabic (and the other right-to-left scripts'
       languages), else left to right. $writing-mode goes on the XSL-FO root (the whole
       document mirrors: page regions, indents, lists, tables; the engine maps left and
       right to end and start), $dir on the HTML root (with the CSS in logical
       properties, one stylesheet serves both directions). -->
  <xsl:variable name="dir">
    <xsl:variable name="primary" select="substring-before(concat(translate($lang, '_', '-'), '-'), '-')"/>
    <xsl:choose>
      <xsl:when test="contains(' ar he fa ur ps yi dv ckb sd ug ', concat(' ', $primary, ' '))">rtl</xsl:when>
      <xsl:otherwise>ltr</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="writing-mode">
    <xsl:choose>
      <xsl:when test="$dir = 'rtl'">rl-tb</xsl:when>
      <xsl:otherwise>lr-tb</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The physical edges where a line starts and ends ("left"/"right" for ltr,
       "right"/"left" for rtl), for the absolute properties that have no relative
       name in XSL-FO (margin-left, margin-right). -->
  <xsl:variable name="start-edge" select="substring('leftright', 1 + 4 * ($dir = 'rtl'), 4 + ($dir = 'rtl'))"/>
  <xsl:variable name="end-edge" select="substring('rightleft', 1 + 5 * ($dir = 'rtl'), 5 - ($dir = 'rtl'))"/>

  <!-- Is italic the emphasis of this language's documents? Not in Chinese (no italic
       Han) nor in Arabic (ITU's Arabic documents set notes, captions and emphasis
       upright). -->
  <xsl:variable name="italic-ok" select="$lang != 'zh' and $dir != 'rtl'"/>

  <!-- ISO 8601 date (YYYY-MM-DD) in the document's language. -->
  <xsl:template name="format-date">
    <xsl:param name="iso"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'date'"/>
      <xsl:with-param name="args">
        <a n="y"><xsl:value-of select="substring($iso, 1, 4)"/></a>
        <a n="m"><xsl:value-of select="$m"/></a>
        <a n="d"><xsl:call-template name="day"><xsl:with-param name="d" select="number(substring($iso, 9, 2))"/></xsl:call-template></a>
        <a n="mm"><xsl:value-of select="substring($iso, 6, 2)"/></a>
        <a n="dd"><xsl:value-of select="substring($iso, 9, 2)"/></a>
        <a n="month"><xsl:value-of select="$strings/s:s[@id = concat('month-', $m)]"/></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The day of the month in a date: the number, or the catalog's "day-N" when it has
       one (French "1er"). -->
  <xsl:template name="day">
    <xsl:param name="d"/>
    <xsl:variable name="special" select="$strings/s:s[@id = concat('day-', $d)]"/>
    <xsl:choose>
      <xsl:when test="$special"><xsl:value-of select="$special"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$d"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A number (digits with an optional "." fraction, as in the source's attributes) in
       the language's form: "1,234.5" (en), "1 234,5" (fr, with a narrow no-break
       space), "1 234,5" (es, ru). -->
  <xsl:template name="format-number">
    <xsl:param name="n"/>
    <xsl:variable name="int" select="substring-before(concat($n, '.'), '.')"/>
    <xsl:variable name="frac" select="substring-after($n, '.')"/>
    <xsl:call-template name="group-digits">
      <xsl:with-param name="d" select="$int"/>
      <xsl:with-param name="sep" select="string($strings/s:s[@id = 'group-separator'])"/>
    </xsl:call-template>
    <xsl:if test="$frac != ''">
      <xsl:value-of select="concat($strings/s:s[@id = 'decimal-separator'], $frac)"/>
    </xsl:if>
  </xsl:template>

  <!-- Digits grouped by three from the right; numbers of four digits stay whole. -->
  <xsl:template name="group-digits">
    <xsl:param name="d"/>
    <xsl:param name="sep"/>
    <xsl:param name="top" select="true()"/>
    <xsl:choose>
      <xsl:when test="string-length($d) &lt;= 3 or ($top and string-length($d) = 4)"><xsl:value-of select="$d"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="group-digits">
          <xsl:with-param name="d" select="substring($d, 1, string-length($d) - 3)"/>
          <xsl:with-param name="sep" select="$sep"/>
          <xsl:with-param name="top" select="false()"/>
        </xsl:call-template>
        <xsl:value-of select="concat($sep, substring($d, string-length($d) - 2))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A percentage: "70%" (en, es, ru), "70 %" (fr, with a no-break space). -->
  <xsl:template name="format-percent">
    <xsl:param name="n"/>
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'percent'"/>
      <xsl:with-param name="args">
        <a n="n"><xsl:call-template name="format-number"><xsl:with-param name="n" select="$n"/></xsl:call-template></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A range of days: "3-11 December 2025" when in one month, "28 November - 2 December
       2025" when in one year, two full dates otherwise. -->
  <xsl:template name="format-date-range">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:variable name="y1" select="substring($from, 1, 4)"/>
    <xsl:variable name="y2" select="substring($to, 1, 4)"/>
    <xsl:variable name="m1" select="number(substring($from, 6, 2))"/>
    <xsl:variable name="m2" select="number(substring($to, 6, 2))"/>
    <xsl:variable name="d1" select="number(substring($from, 9, 2))"/>
    <xsl:variable name="d2" select="number(substring($to, 9, 2))"/>
    <xsl:choose>
      <xsl:when test="$from = $to">
        <xsl:call-template name="format-date"><xsl:with-param name="iso" select="$from"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$y1 = $y2 and $m1 = $m2">
        <xsl:call-template name="str">
          <xsl:with-param name="key" select="'date-range-month'"/>
          <xsl:with-param name="args">
            <a n="y"><xsl:value-of select="$y1"/></a>
            <a n="m"><xsl:value-of select="$m1"/></a>
            <a n="month"><xsl:value-of select="$strings/s:s[@id = concat('month-', $m1)]"/></a>
            <a n="d1"><xsl:value-of select="$d1"/></a>
            <a n="d2"><xsl:value-of select="$d2"/></a>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$y1 = $y2">
        <xsl:call-template name="str">
          <xsl:with-param name="key" select="'date-range-year'"/>
          <xsl:with-param name="args">
            <a n="y"><xsl:value-of select="$y1"/></a>
            <a n="m1"><xsl:value-of select="$m1"/></a>
            <a n="m2"><xsl:value-of select="$m2"/></a>
            <a n="month1"><xsl:value-of select="$strings/s:s[@id = concat('month-', $m1)]"/></a>
            <a n="month2"><xsl:value-of select="$strings/s:s[@id = concat('month-', $m2)]"/></a>
            <a n="d1"><xsl:value-of select="$d1"/></a>
            <a n="d2"><xsl:value-of select="$d2"/></a>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="str">
          <xsl:with-param name="key" select="'date-range'"/>
          <xsl:with-param name="args">
            <a n="date1"><xsl:call-template name="format-date"><xsl:with-param name="iso" select="$from"/></xsl:call-template></a>
            <a n="date2"><xsl:call-template name="format-date"><xsl:with-param name="iso" select="$to"/></xsl:call-template></a>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A deadline: date, time of day and zone ("23:59 hours UTC on 21 November 2025"). -->
  <xsl:template name="format-deadline">
    <xsl:param name="at"/>
    <xsl:param name="zone"/>
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'deadline'"/>
      <xsl:with-param name="args">
        <a n="date"><xsl:call-template name="format-date"><xsl:with-param name="iso" select="substring($at, 1, 10)"/></xsl:call-template></a>
        <a n="hh"><xsl:value-of select="substring($at, 12, 2)"/></a>
        <a n="mm"><xsl:value-of select="substring($at, 15, 2)"/></a>
        <a n="zone"><xsl:call-template name="str"><xsl:with-param name="key" select="concat('zone-', translate($zone, '/', '-'))"/></xsl:call-template></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A time of day (hh:mm) in the language's form ("14:30"), with its zone when
       one is given ("14:30 hours Geneva time"). -->
  <xsl:template name="format-time">
    <xsl:param name="value"/>
    <xsl:param name="zone"/>
    <xsl:variable name="t">
      <xsl:call-template name="str">
        <xsl:with-param name="key" select="'time'"/>
        <xsl:with-param name="args">
          <a n="hh"><xsl:value-of select="substring($value, 1, 2)"/></a>
          <a n="h"><xsl:value-of select="number(substring($value, 1, 2))"/></a>
          <a n="mm"><xsl:value-of select="substring($value, 4, 2)"/></a>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="zoned">
      <xsl:with-param name="time" select="$t"/>
      <xsl:with-param name="zone" select="$zone"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A span of time within a day ("09:30-12:30"), with its zone when one is given. -->
  <xsl:template name="format-time-range">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:param name="zone"/>
    <xsl:variable name="t">
      <xsl:call-template name="str">
        <xsl:with-param name="key" select="'time-range'"/>
        <xsl:with-param name="args">
          <a n="from"><xsl:call-template name="format-time"><xsl:with-param name="value" select="$from"/></xsl:call-template></a>
          <a n="to"><xsl:call-template name="format-time"><xsl:with-param name="value" select="$to"/></xsl:call-template></a>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="zoned">
      <xsl:with-param name="time" select="$t"/>
      <xsl:with-param name="zone" select="$zone"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="zoned">
    <xsl:param name="time"/>
    <xsl:param name="zone"/>
    <xsl:choose>
      <xsl:when test="string($zone) != ''">
        <xsl:call-template name="str">
          <xsl:with-param name="key" select="'time-zoned'"/>
          <xsl:with-param name="args">
            <a n="time"><xsl:value-of select="$time"/></a>
            <a n="zone"><xsl:call-template name="str"><xsl:with-param name="key" select="concat('zone-', translate($zone, '/', '-'))"/></xsl:call-template></a>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$time"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The language tag for output: Chinese text is Simplified Chinese as used in China. -->
  <xsl:template name="output-lang">
    <xsl:param name="lang"/>
    <xsl:choose>
      <xsl:when test="$lang = 'zh'">zh-CN</xsl:when>
      <xsl:otherwise><xsl:value-of select="$lang"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
